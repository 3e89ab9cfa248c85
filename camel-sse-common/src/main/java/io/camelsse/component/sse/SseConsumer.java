/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.camelsse.component.sse.connection.StreamRequest;
import io.camelsse.component.sse.event.ServerSentEvent;
import io.camelsse.component.sse.support.ResumeStrategyPosition;
import io.camelsse.component.sse.support.SseCommonConfiguration;
import io.camelsse.component.sse.support.SseConsumerSupport;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.resume.ResumeAware;
import org.apache.camel.resume.ResumeStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each event of an {@code sse} endpoint's stream, its data as a String body.
 * <p>
 * With a resume strategy (the route's {@code resumable()} EIP), the position the strategy holds is where the stream
 * resumes when the route starts, and each exchange carries its event's offset in {@link Exchange#OFFSET} for the EIP
 * to record once the exchange completed.
 */
public class SseConsumer extends SseConsumerSupport implements ResumeAware<ResumeStrategy> {

    /** The name under which the resume adapter is found, see {@code META-INF/services/org/apache/camel/}. */
    static final String ADAPTER_FACTORY_SERVICE = "sse-adapter-factory";

    private static final Logger LOG = LoggerFactory.getLogger(SseConsumer.class);

    private volatile ResumeStrategy resumeStrategy;
    private volatile ResumeStrategyPosition strategyPosition;
    private volatile String resumedFromStrategy = "";

    private volatile AtomicReference<String> completedEventId;

    public SseConsumer(SseEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public SseEndpoint getEndpoint() {
        return (SseEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        ResumeStrategy strategy = resumeStrategy;
        strategyPosition = strategy == null ? null : new ResumeStrategyPosition(strategy, getEndpoint().resumeKey());
        resumedFromStrategy = strategyPosition == null ? "" : strategyPosition.load(
                Duration.ofMillis(getEndpoint().getConfiguration().getResumeReadTimeout()));
        super.doStart();
    }

    @Override
    public void setResumeStrategy(ResumeStrategy resumeStrategy) {
        this.resumeStrategy = resumeStrategy;
    }

    @Override
    public ResumeStrategy getResumeStrategy() {
        return resumeStrategy;
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
        if (!resumedFromStrategy.isEmpty()) {
            LOG.info("Resuming the stream after event '{}', held by the resume strategy under '{}'",
                    resumedFromStrategy, strategyPosition.key());
            return resumedFromStrategy;
        }
        String completed = completedEventId().get();
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
        ResumeStrategyPosition resumable = strategyPosition;
        if (resumable != null) {
            resumable.carryOffset(exchange, event.lastEventId());
        }
        return true;
    }
}
