/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import io.camelsse.component.sse.connection.SseStream;
import io.camelsse.component.sse.connection.StreamHandler;
import io.camelsse.component.sse.connection.StreamRequest;
import io.camelsse.component.sse.connection.StreamSettings;
import io.camelsse.component.sse.connection.StreamStatus;
import io.camelsse.component.sse.event.ServerSentEvent;
import io.camelsse.component.sse.health.SseConsumerHealthCheck;
import io.camelsse.component.sse.reconnect.ReconnectPolicy;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.util.URISupport;

/**
 * Base of the SSE consumers: runs one {@link SseStream} and turns each of its events into one exchange, routed
 * asynchronously so that no thread waits while the route works and the stream reads no further until it is done.
 * <p>
 * A subclass says what to connect to and how an event fills an exchange.
 */
public abstract class SseConsumerSupport extends DefaultConsumer implements StreamHandler {

    /** Header with the event type, {@code message} when the stream names none. */
    public static final String EVENT_TYPE_HEADER = "CamelSseEventType";
    /** Header with the last event ID in force for the event; may be empty. */
    public static final String EVENT_ID_HEADER = "CamelSseEventId";

    private volatile SseStream stream;

    protected SseConsumerSupport(Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    /** The options of this consumer's endpoint. */
    protected abstract SseCommonConfiguration streamOptions();

    /** The URL and headers to connect with; called on every start, so a restart picks up changed settings. */
    protected abstract StreamRequest createStreamRequest() throws Exception;

    /** The ID to resume after on the first connection; empty for none. */
    protected String initialLastEventId() throws Exception {
        return "";
    }

    /** The health check ID before the route ID, such as {@code sse-consumer}. */
    protected abstract String healthCheckPrefix();

    /**
     * Fills the exchange from the event. The event type and ID headers are already set.
     *
     * @return           false to skip the event: no exchange is routed
     * @throws Exception when the event cannot be read; the exchange then carries the exception to the route's error
     *                   handler, and the stream goes on with the next event
     */
    protected abstract boolean populateExchange(ServerSentEvent event, Exchange exchange) throws Exception;

    /** Runs after the route is done with an event's exchange, whether it failed or not. */
    protected void onExchangeDone(ServerSentEvent event, Exchange exchange) {
    }

    /** The stream's state, or null before the first start. */
    public StreamStatus streamStatus() {
        SseStream s = stream;
        return s == null ? null : s.status();
    }

    /** The stream URL with secrets masked, or null before the first start. */
    public String streamDisplayUri() {
        SseStream s = stream;
        return s == null ? null : s.displayUri();
    }

    /** Ends the stream for good (until the route restarts): nothing further is requested. */
    protected void closeStream() {
        SseStream s = stream;
        if (s != null) {
            s.close();
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        SseCommonConfiguration options = streamOptions();
        StreamSettings settings = options.toStreamSettings();
        SseComponentSupport component = (SseComponentSupport) getEndpoint().getComponent();
        ReconnectPolicy policy = new ReconnectPolicy(settings.reconnectDelay(), settings.maxReconnectDelay(),
                settings.maxReconnectAttempts(), ThreadLocalRandom.current()::nextDouble);
        SseStream newStream = new SseStream(createStreamRequest(), settings, options.isAllowPlainHttp(),
                initialLastEventId(),
                component.httpClient(settings.connectTimeout(), options.getSslContextParameters()),
                component.scheduler(), this, policy, Clock.systemUTC());

        HealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(
                getEndpoint().getCamelContext(), "consumers", HealthCheckRepository.class);
        if (repository != null) {
            SseConsumerHealthCheck check = new SseConsumerHealthCheck(this, healthCheckPrefix() + "-" + getRouteId());
            check.setEnabled(component.isHealthCheckConsumerEnabled());
            setHealthCheck(check);
        }
        stream = newStream;
        newStream.start();
    }

    @Override
    protected void doStop() throws Exception {
        SseStream s = stream;
        if (s != null) {
            s.stop();
        }
        super.doStop();
    }

    @Override
    public boolean deliver(ServerSentEvent event, Runnable whenDoneAsync) {
        Exchange exchange = createExchange(false);
        boolean route;
        try {
            exchange.getMessage().setHeader(EVENT_TYPE_HEADER, event.type());
            exchange.getMessage().setHeader(EVENT_ID_HEADER, event.lastEventId());
            route = populateExchange(event, exchange);
        } catch (Exception unreadable) {
            exchange.setException(unreadable);
            route = true;
        }
        if (!route) {
            releaseExchange(exchange, false);
            return true;
        }
        AsyncCallback callback = doneSync -> {
            try {
                if (exchange.getException() != null) {
                    getExceptionHandler().handleException("Error processing an event from " + streamDisplayUri(),
                            exchange, exchange.getException());
                }
                onExchangeDone(event, exchange);
            } finally {
                releaseExchange(exchange, false);
            }
            if (!doneSync) {
                whenDoneAsync.run();
            }
        };
        return getAsyncProcessor().process(exchange, callback);
    }

    @Override
    public void onPermanentFailure(Exception failure) {
        getExceptionHandler().handleException("The stream from " + streamDisplayUri()
                                              + " failed for good; no further requests until the route is restarted",
                failure);
    }

    /** Camel's own sanitizer masks options such as apiKey; request header values are masked here as well. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + maskedEndpointUri(getEndpoint().getEndpointUri()) + "]";
    }

    static String maskedEndpointUri(String uri) {
        return URISupport.sanitizeUri(uri).replaceAll("(header\\.[^=&]+=)[^&]*", "$1xxxxxx");
    }

    @Override
    public void onRecoverableError(Exception error) {
        getExceptionHandler().handleException(error.getMessage(), error);
    }
}
