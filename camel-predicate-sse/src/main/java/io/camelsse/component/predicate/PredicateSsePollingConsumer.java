/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.DynamicPollingConsumer;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.PollingConsumerSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.URISupport;

/**
 * The polling consumer behind {@code pollEnrich} and {@code ConsumerTemplate}: every receive opens the session's
 * stream, waits for the first event the endpoint delivers (with {@code terminalOnly=true}: the outcome), and closes
 * the stream as soon as it has it or the timeout ends. Nothing is held between polls, however long the consumer stays
 * in Camel's consumer cache.
 * <p>
 * When the endpoint's session ID is a Simple expression ({@code predicate-sse:individual/${header.sessionId}}),
 * {@code pollEnrich} hands over its exchange and the expression is evaluated against it; the result must be a UUID.
 * <p>
 * A permanent failure (401, 403, 404, ...) ends the receive at once by throwing it; a server that ends the stream
 * with 204 ends it at once with no exchange. An event whose data is not a
 * status event is returned as a failed exchange, which {@code pollEnrich} passes on to the route.
 */
final class PredicateSsePollingConsumer extends PollingConsumerSupport implements DynamicPollingConsumer {

    private final Set<Poll> polls = ConcurrentHashMap.newKeySet();
    private volatile Expression sessionIdExpression;

    PredicateSsePollingConsumer(PredicateSseEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public PredicateSseEndpoint getEndpoint() {
        return (PredicateSseEndpoint) super.getEndpoint();
    }

    /** Waits as long as it takes for an event. */
    @Override
    public Exchange receive() {
        return poll(sessionId(null), -1);
    }

    /** Waits up to the timeout for an event; null when none came. */
    @Override
    public Exchange receive(long timeoutMillis) {
        return timeoutMillis <= 0 ? receiveNoWait() : poll(sessionId(null), timeoutMillis);
    }

    /** Always null: no connection is held between polls, so no event can be waiting. No request is made. */
    @Override
    public Exchange receiveNoWait() {
        return null;
    }

    @Override
    public Exchange receive(Exchange exchange) {
        return poll(sessionId(exchange), -1);
    }

    @Override
    public Exchange receive(Exchange exchange, long timeoutMillis) {
        return timeoutMillis <= 0 ? receiveNoWait(exchange) : poll(sessionId(exchange), timeoutMillis);
    }

    @Override
    public Exchange receiveNoWait(Exchange exchange) {
        return null;
    }

    private String sessionId(Exchange exchange) {
        PredicateSseEndpoint endpoint = getEndpoint();
        String configured = endpoint.getConfiguration().getSessionId();
        if (!endpoint.isSessionIdExpression()) {
            return configured;
        }
        if (exchange == null) {
            throw new IllegalArgumentException("The Predicate session ID '" + configured + "' is an expression: it"
                                               + " needs the exchange of a pollEnrich to be evaluated against");
        }
        Expression expression = sessionIdExpression;
        if (expression == null) {
            expression = endpoint.getCamelContext().resolveLanguage("simple").createExpression(configured);
            expression.init(endpoint.getCamelContext());
            sessionIdExpression = expression;
        }
        String sessionId = expression.evaluate(exchange, String.class);
        PredicateSseEndpoint.requireSessionUuid(sessionId == null ? "" : sessionId.trim());
        return sessionId.trim();
    }

    private Exchange poll(String sessionId, long timeoutMillis) {
        Poll poll = new Poll(getEndpoint(), sessionId);
        polls.add(poll);
        try {
            ServiceHelper.startService(poll.consumer);
            if (timeoutMillis < 0) {
                poll.arrived.await();
            } else {
                poll.arrived.await(timeoutMillis, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeCamelException(e);
        } finally {
            ServiceHelper.stopAndShutdownService(poll.consumer);
            polls.remove(poll);
        }
        if (poll.failure != null) {
            throw RuntimeCamelException.wrapRuntimeCamelException(poll.failure);
        }
        return poll.exchange;
    }

    @Override
    protected void doStart() {
        // nothing to open: each receive opens its own stream
    }

    @Override
    protected void doStop() {
        for (Poll poll : polls) {
            ServiceHelper.stopAndShutdownService(poll.consumer);
            poll.arrived.countDown();
        }
    }

    @Override
    public String toString() {
        return "PredicateSsePollingConsumer[" + URISupport.sanitizeUri(getEndpoint().getEndpointUri()) + "]";
    }

    /** One receive: a consumer of its own and the place its first exchange or failure is left. */
    private static final class Poll {
        final CountDownLatch arrived = new CountDownLatch(1);
        final PredicateSseConsumer consumer;
        volatile Exchange exchange;
        volatile Exception failure;

        Poll(PredicateSseEndpoint endpoint, String sessionId) {
            consumer = new PredicateSseConsumer(endpoint, this::take, sessionId) {
                @Override
                public void onPermanentFailure(Exception permanent) {
                    // thrown to the caller of receive instead of reported to an exception handler nobody watches
                    failure = reportable(permanent);
                    arrived.countDown();
                }

                @Override
                public void onEndedByServer() {
                    // no event will come: the receive returns nothing now rather than at its timeout
                    arrived.countDown();
                }
            };
        }

        private void take(Exchange delivered) {
            if (arrived.getCount() == 0) {
                // a later event of the same chunk, while the stream is being closed: not wanted
                return;
            }
            // the consumer hands its exchange back to its factory when we return: keep a copy of our own
            exchange = delivered.copy();
            // the failure travels with the copy; the consumer need not report it as well
            delivered.setException(null);
            arrived.countDown();
        }
    }
}
