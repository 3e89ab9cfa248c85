/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.util.concurrent.atomic.AtomicReference;

import io.camelsse.component.sse.connection.StreamRequest;
import io.camelsse.component.sse.event.ServerSentEvent;
import io.camelsse.component.sse.support.SseCommonConfiguration;
import io.camelsse.component.sse.support.SseConsumerSupport;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Routes each event of an {@code sse} endpoint's stream, its data as a String body.
 */
public class SseConsumer extends SseConsumerSupport {

    private volatile AtomicReference<String> completedEventId;

    public SseConsumer(SseEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public SseEndpoint getEndpoint() {
        return (SseEndpoint) super.getEndpoint();
    }

    @Override
    protected SseCommonConfiguration streamOptions() {
        return getEndpoint().getConfiguration();
    }

    @Override
    protected StreamRequest createStreamRequest() {
        return getEndpoint().createStreamRequest();
    }

    /**
     * After a restart of the route, the stream resumes after the last event completed; at first, after the
     * {@code lastEventId} option.
     */
    @Override
    protected String initialLastEventId() {
        String completed = lastCompletedEventId();
        if (!completed.isEmpty()) {
            return completed;
        }
        String configured = getEndpoint().getConfiguration().getLastEventId();
        return configured == null ? "" : configured;
    }

    @Override
    protected boolean dedicatedHttpClient() {
        return getEndpoint().getConfiguration().isDedicatedHttpClient();
    }

    @Override
    protected String healthCheckPrefix() {
        return "sse-consumer";
    }

    @Override
    protected void onEventCompleted(ServerSentEvent event, Exchange exchange) {
        completedEventId().set(event.lastEventId());
    }

    @Override
    protected String lastCompletedEventId() {
        return completedEventId().get();
    }

    private AtomicReference<String> completedEventId() {
        // looked up once: the route of a consumer does not change, and the endpoint keeps one holder per route
        AtomicReference<String> holder = completedEventId;
        if (holder == null) {
            holder = getEndpoint().completedEventId(getRouteId());
            completedEventId = holder;
        }
        return holder;
    }

    @Override
    protected boolean populateExchange(ServerSentEvent event, Exchange exchange) {
        exchange.getMessage().setBody(event.data());
        return true;
    }
}
