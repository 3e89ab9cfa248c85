/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import io.camelsse.component.sse.connection.StreamRequest;
import io.camelsse.component.sse.event.ServerSentEvent;
import io.camelsse.component.sse.support.SseCommonConfiguration;
import io.camelsse.component.sse.support.SseConsumerSupport;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the status events of one Predicate session. Knows the terminal statuses of both API generations, leaves out
 * a snapshot the route has already seen, and closes the stream for good once the outcome has been delivered.
 */
public class PredicateSseConsumer extends SseConsumerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(PredicateSseConsumer.class);

    private final String fixedSessionId;
    private volatile String sessionId;
    // events are delivered one at a time, so these are only ever touched by one thread at once
    private volatile PredicateStatusEvent lastDelivered;
    private volatile PredicateStatusEvent inFlight;

    public PredicateSseConsumer(PredicateSseEndpoint endpoint, Processor processor) {
        this(endpoint, processor, null);
    }

    /** A consumer of the given session, whatever the endpoint says: a poll whose session ID was an expression. */
    PredicateSseConsumer(PredicateSseEndpoint endpoint, Processor processor, String sessionId) {
        super(endpoint, processor);
        this.fixedSessionId = sessionId;
    }

    @Override
    public PredicateSseEndpoint getEndpoint() {
        return (PredicateSseEndpoint) super.getEndpoint();
    }

    @Override
    protected SseCommonConfiguration streamOptions() {
        return getEndpoint().getConfiguration();
    }

    @Override
    protected StreamRequest createStreamRequest() {
        return getEndpoint().streamRequest(sessionId, getEndpoint().getConfiguration().getType());
    }

    @Override
    protected String healthCheckPrefix() {
        return "predicate-sse-consumer";
    }

    /** A Predicate error answer becomes a {@link PredicateApiException}, which names its code. */
    @Override
    protected HttpOperationFailedException translate(HttpOperationFailedException answer) {
        return answer instanceof PredicateApiException ? answer : new PredicateApiException(answer);
    }

    @Override
    protected void doStart() throws Exception {
        // a restarted route starts afresh: the current snapshot is delivered again
        sessionId = fixedSessionId != null ? fixedSessionId : getEndpoint().getConfiguration().getSessionId();
        lastDelivered = null;
        inFlight = null;
        super.doStart();
    }

    @Override
    protected boolean populateExchange(ServerSentEvent event, Exchange exchange)
            throws MalformedPredicateEventException {
        inFlight = null;
        PredicateSseConfiguration config = getEndpoint().getConfiguration();
        PredicateStatusEvent status = PredicateStatusDelivery.populate(event, exchange.getMessage(), sessionId,
                config.getType(), config, lastDelivered);
        inFlight = status;
        return status != null;
    }

    @Override
    protected void onEventCompleted(ServerSentEvent event, Exchange exchange) {
        delivered();
    }

    @Override
    protected void onEventFailed(ServerSentEvent event, Exchange exchange, boolean redelivering) {
        if (redelivering) {
            // not delivered: the snapshot the server sends on reconnect must not be taken for a repeat
            inFlight = null;
        } else {
            // the failure was reported and the route goes on: the outcome has reached it all the same
            delivered();
        }
    }

    @Override
    protected void onEventRejected(ServerSentEvent event, Exchange exchange) {
        inFlight = null;
    }

    private void delivered() {
        PredicateStatusEvent done = inFlight;
        inFlight = null;
        if (done == null) {
            return;
        }
        lastDelivered = done;
        if (done.isTerminal() && getEndpoint().getConfiguration().isCloseOnTerminal()) {
            LOG.info("Predicate session {} ended with status '{}': stream closed, no further requests",
                    sessionId, done.getStatus());
            closeStream();
        }
    }
}
