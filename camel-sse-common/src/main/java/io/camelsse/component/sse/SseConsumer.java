/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.camelsse.component.sse.connection.StreamRequest;
import io.camelsse.component.sse.event.ServerSentEvent;
import io.camelsse.component.sse.support.ResumableSseConsumerSupport;
import io.camelsse.component.sse.support.SseCommonConfiguration;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Routes each event of an {@code sse} endpoint's stream, its data as a String body.
 * <p>
 * With a resume strategy (the route's {@code resumable()} EIP), the position the strategy holds is where the stream
 * resumes when the route starts, and each exchange carries its event's offset in {@link Exchange#OFFSET} for the EIP
 * to record once the exchange completed.
 */
public class SseConsumer extends ResumableSseConsumerSupport {

    /** The name under which the resume adapter is found, see {@code META-INF/services/org/apache/camel/}. */
    static final String ADAPTER_FACTORY_SERVICE = "sse-adapter-factory";

    private volatile AtomicReference<String> completedEventId;

    public SseConsumer(SseEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public SseEndpoint getEndpoint() {
        return (SseEndpoint) super.getEndpoint();
    }

    @Override
    protected String resumeKey() {
        return getEndpoint().resumeKey();
    }

    @Override
    protected Duration resumeReadTimeout() {
        return Duration.ofMillis(getEndpoint().getConfiguration().getResumeReadTimeout());
    }

    @Override
    public String adapterFactoryService() {
        return ADAPTER_FACTORY_SERVICE;
    }

    @Override
    protected SseCommonConfiguration streamOptions() {
        return getEndpoint().getConfiguration();
    }

    @Override
    protected StreamRequest createStreamRequest() {
        return getEndpoint().streamRequest();
    }

    /**
     * The stream resumes after the position the resume strategy holds, if there is one; else, after a restart of the
     * route, after the last event completed in this JVM; at first, after the {@code lastEventId} option.
     */
    @Override
    protected String initialLastEventId() {
        String fromStrategy = positionFromStrategy();
        if (!fromStrategy.isEmpty()) {
            return fromStrategy;
        }
        String completed = completedEventId().get();
        if (completed != null) {
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
        // the run position has just moved past the event, unless its ID cannot be sent back: then it stays on the
        // one before, which is where a restart should resume too
        completedEventId().set(runPosition());
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
        carryOffset(exchange, event.lastEventId());
        return true;
    }
}
