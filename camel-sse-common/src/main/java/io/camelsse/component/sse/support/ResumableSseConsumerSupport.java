/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.time.Duration;

import io.camelsse.component.sse.connection.EventIds;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.resume.ResumeAware;
import org.apache.camel.resume.ResumeStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the consumers whose stream position a route's resume strategy may keep (the {@code resumable()} EIP): Camel
 * hands such a consumer the strategy, the consumer reads the position from it when it starts, and each exchange
 * carries its event's offset in {@link Exchange#OFFSET} for the EIP to record once the exchange has completed.
 */
public abstract class ResumableSseConsumerSupport extends SseConsumerSupport implements ResumeAware<ResumeStrategy> {

    private static final Logger LOG = LoggerFactory.getLogger(ResumableSseConsumerSupport.class);

    private volatile ResumeStrategy resumeStrategy;
    private volatile ResumeStrategyPosition strategyPosition;
    private volatile String startedFromStrategy = "";

    protected ResumableSseConsumerSupport(Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    /** The key under which the strategy keeps this stream's position. */
    protected abstract String resumeKey();

    /** How long a start waits for the strategy to have read its store up to now. */
    protected abstract Duration resumeReadTimeout();

    @Override
    protected void doStart() throws Exception {
        ResumeStrategy strategy = resumeStrategy;
        strategyPosition = strategy == null ? null : new ResumeStrategyPosition(strategy, resumeKey(),
                getEndpoint().getCamelContext().getExecutorServiceManager(), this);
        startedFromStrategy = "";
        super.doStart();
    }

    @Override
    String startPosition() throws Exception {
        ResumeStrategyPosition position = strategyPosition;
        startedFromStrategy = position == null ? "" : position.load(resumeReadTimeout());
        return super.startPosition();
    }

    @Override
    public void setResumeStrategy(ResumeStrategy resumeStrategy) {
        this.resumeStrategy = resumeStrategy;
    }

    @Override
    public ResumeStrategy getResumeStrategy() {
        return resumeStrategy;
    }

    /**
     * The position the resume strategy held when the consumer started, logged when there is one; empty without a
     * strategy or without a position in it. Comes before every other source of the first {@code Last-Event-ID}.
     */
    protected final String positionFromStrategy() {
        String id = startedFromStrategy;
        if (!id.isEmpty()) {
            LOG.info("{}: resuming the stream after event '{}', held by the resume strategy under '{}'", streamName(),
                    id, strategyPosition.key());
        }
        return id;
    }

    /**
     * Puts the event's offset on the exchange when the route has a resume strategy. An event whose ID cannot be sent
     * back carries the position before it: {@code resumable()} fails an exchange that carries none.
     */
    protected final void carryOffset(Exchange exchange, String eventId) {
        ResumeStrategyPosition position = strategyPosition;
        if (position != null) {
            position.carryOffset(exchange, EventIds.isResumable(eventId) ? eventId : runPosition());
        }
    }

    /** The strategy's view of the position, or null without a strategy: for positions that no exchange carries. */
    protected final ResumeStrategyPosition strategyPosition() {
        return strategyPosition;
    }
}
