/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import io.camelsse.component.sse.connection.DisplayUri;
import io.camelsse.component.sse.connection.EventIds;
import io.camelsse.component.sse.connection.FailureDescription;
import io.camelsse.component.sse.connection.HttpClientShutdown;
import io.camelsse.component.sse.connection.HttpStatusException;
import io.camelsse.component.sse.connection.ReconnectCause;
import io.camelsse.component.sse.connection.SseStream;
import io.camelsse.component.sse.connection.StreamHandler;
import io.camelsse.component.sse.connection.StreamCounters;
import io.camelsse.component.sse.connection.StreamRequest;
import io.camelsse.component.sse.connection.StreamSettings;
import io.camelsse.component.sse.connection.StreamState;
import io.camelsse.component.sse.connection.StreamStatus;
import io.camelsse.component.sse.event.ServerSentEvent;
import io.camelsse.component.sse.health.SseConsumerHealthCheck;
import io.camelsse.component.sse.management.ManagedSseConsumer;
import io.camelsse.component.sse.metrics.SseMetrics;
import io.camelsse.component.sse.reconnect.ReconnectPolicy;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the SSE consumers: runs one {@link SseStream} and turns each of its events into one exchange, routed
 * asynchronously so that no thread waits while the route works and the stream reads no further until it is done.
 * <p>
 * A subclass says what to connect to and how an event fills an exchange.
 * <p>
 * The stream position moves only past an exchange that completed (see {@link ExchangeOutcome}): one that Camel
 * refused because the route is stopping is delivered again after a restart, and with {@code breakOnFirstError} an
 * exchange that failed unhandled is delivered again at once.
 */
@ManagedResource(description = "Server-Sent Events consumer")
public abstract class SseConsumerSupport extends WrappableConsumer implements ManagedSseConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(SseConsumerSupport.class);

    private final InFlightDeliveries inFlight = new InFlightDeliveries();
    // outlives the streams that reconnects and reconnect() replace; a route that starts again has a new consumer, and
    // its counts start from zero
    private final StreamCounters counters = new StreamCounters();
    private volatile SseStream stream;
    // counts the starts of this consumer; written by its life cycle only. An event that a stream of an earlier start
    // read just before that start's stop is not routed in a later one (see deliver)
    private volatile long run;
    // where this run stands: the ID its first stream resumed after, then that of each event completed since that can
    // be sent back. What a redelivery (breakOnFirstError) and a replaced stream resume after
    private volatile String runPosition = "";
    // the consumer closed its stream because it has what it wanted: nothing reopens it until the route restarts
    private volatile boolean closedForGood;
    private volatile Translation lastTranslation;
    private volatile AutoCloseable meters;
    // the stream's own client, when it has one (dedicatedHttpClient): shut down when the consumer stops
    private volatile HttpClient ownClient;
    // set while a start waits for the store that holds its position; written under the lock on this
    private volatile StartPositionRetry positionRetry;

    protected SseConsumerSupport(Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    /** The options of this consumer's endpoint. */
    protected abstract SseCommonConfiguration streamOptions();

    /**
     * The URL and headers to connect with, checked: the endpoint's request, which it built and checked from its
     * options when it was created. Called on every start.
     */
    protected abstract StreamRequest createStreamRequest() throws Exception;

    /**
     * The ID to resume after on the first connection of a start; empty for none. Called once per start. One that
     * comes from a store rather than from the server or the endpoint's options is checked by the subclass that reads
     * it.
     *
     * @throws PositionStoreException when the store that holds the position cannot be read: the start goes on, and
     *                                the position is read again with backoff before the stream opens; any other
     *                                exception fails the start
     */
    protected String initialLastEventId() throws Exception {
        return "";
    }

    /**
     * Whether the stream gets an HTTP client of its own and its events are routed on that client's thread, which
     * reads for this stream alone: the lowest latency per event, for a thread per stream. False by default.
     */
    protected boolean dedicatedHttpClient() {
        return false;
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

    /**
     * Where this run stands: the ID its first stream resumed after, then that of each event completed since whose ID
     * can be sent back as {@code Last-Event-ID}. Read it while filling an exchange: the event before is done by then.
     */
    protected final String runPosition() {
        return runPosition;
    }

    /**
     * Runs after the route completed an event's exchange: successfully, or with an exception that its error handler
     * handled. The only place where a consumer moves its position past the event.
     */
    protected void onEventCompleted(ServerSentEvent event, Exchange exchange) {
    }

    /**
     * Runs after the route failed on an event's exchange and its error handler did not handle the failure.
     *
     * @param redelivering true when {@code breakOnFirstError} is set: the stream reconnects and the event comes again
     */
    protected void onEventFailed(ServerSentEvent event, Exchange exchange, boolean redelivering) {
    }

    /** Runs when Camel refused an event's exchange because the route or the context is stopping. */
    protected void onEventRejected(ServerSentEvent event, Exchange exchange) {
    }

    /** The stream's state, or null before the first start. */
    public StreamStatus streamStatus() {
        SseStream s = stream;
        if (s == null) {
            StartPositionRetry retry = positionRetry;
            return retry == null ? null : retry.status();
        }
        StreamStatus status = s.status();
        if (!(status.failure() instanceof HttpStatusException http)) {
            return status;
        }
        return new StreamStatus(status.state(), status.lastEventId(), status.reconnectCount(), status.lastConnected(),
                translated(http), status.httpStatus(), status.nextAttemptAt(), status.lastError(), status.downSince(),
                status.failedAttempts(), status.endedByServer());
    }

    /**
     * The vendor's reading of an error answer, such as an exception that names its error code; the answer as it is by
     * default. Called for every failure reported or shown, so it should be cheap; the result is kept per answer.
     */
    protected HttpOperationFailedException translate(HttpOperationFailedException answer) {
        return answer;
    }

    private HttpOperationFailedException translated(HttpStatusException answer) {
        // the health check asks again and again about the same failure: translate it once
        Translation last = lastTranslation;
        if (last != null && last.answer == answer) {
            return last.translated;
        }
        HttpOperationFailedException translated = translate(EngineFailures.toCamel(answer));
        lastTranslation = new Translation(answer, translated);
        return translated;
    }

    /** The words for a failure in log lines and health details; a vendor's error answer is read by the vendor. */
    protected String describe(Throwable failure) {
        if (failure instanceof HttpStatusException http) {
            HttpOperationFailedException translated = translated(http);
            if (translated instanceof DescribedFailure described) {
                return described.describe();
            }
        }
        return StartPositionRetry.describe(failure);
    }

    /** How log lines name this consumer's stream, beside its URL. */
    protected String streamName() {
        return "Route '" + getRouteId() + "'";
    }

    /** The stream URL with secrets masked, or null before the first start. */
    public String streamDisplayUri() {
        SseStream s = stream;
        if (s != null) {
            return s.displayUri();
        }
        try {
            return isStarted() || isStarting() ? DisplayUri.of(createStreamRequest().uri()) : null;
        } catch (Exception unusable) {
            return null;
        }
    }

    /** Ends the stream for good (until the route restarts): nothing further is requested. */
    protected void closeStream() {
        SseStream s;
        // under the lock that reconnect() replaces the stream under: it either sees the flag or its replacement is
        // the stream closed here
        synchronized (this) {
            closedForGood = true;
            s = stream;
        }
        if (s != null) {
            s.close();
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        SseCommonConfiguration options = streamOptions();
        SseComponentSupport component = (SseComponentSupport) getEndpoint().getComponent();
        run++;
        String startAfter = null;
        PositionStoreException unreadable = null;
        try {
            startAfter = startPosition();
        } catch (PositionStoreException storeFailed) {
            // only an outage of the store is waited out: a stored ID that may not be sent, or any other failure, is
            // no outage that waiting would cure, and fails the start as it did
            unreadable = storeFailed;
        }
        SseStream newStream = startAfter == null ? null : newStream(startAfter);
        HealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(
                getEndpoint().getCamelContext(), "consumers", HealthCheckRepository.class);
        if (repository != null) {
            SseConsumerHealthCheck check = new SseConsumerHealthCheck(healthCheckPrefix() + "-" + getRouteId(),
                    this::streamStatus, this::streamDisplayUri, getRouteId(),
                    Duration.ofMillis(options.getUnhealthyAfter()), component.scheduler().clock());
            check.setEnabled(component.isHealthCheckConsumerEnabled());
            setHealthCheck(check);
        }
        closedForGood = false;
        inFlight.open(isWrapped() ? component.wrappedConsumerDrain() : null);
        if (newStream != null) {
            stream = newStream;
            runPosition = startAfter;
            positionRetry = null;
            newStream.start();
        } else {
            // a stream of an earlier start of this instance must not stand for this start's in status or reconnect()
            stream = null;
            waitForPosition(unreadable);
        }
        meters = SseMetrics.bind(getEndpoint().getCamelContext(), this);
        if (isWrapped()) {
            component.wrappedConsumersInView().started(this, getHealthCheck());
        }
    }

    /**
     * Where a start resumes: {@link #initialLastEventId()}, read from the stores that hold it. A store that fails
     * throws {@link PositionStoreException}; the consumer then reads again with backoff, and opens its stream once it
     * can.
     */
    String startPosition() throws Exception {
        return initialLastEventId();
    }

    private void waitForPosition(Exception firstFailure) throws Exception {
        StartPositionRetry retry = newPositionRetry();
        synchronized (this) {
            positionRetry = retry;
        }
        retry.begin(firstFailure);
    }

    private StartPositionRetry newPositionRetry() {
        StreamSettings settings = streamOptions().toStreamSettings();
        return new StartPositionRetry(this, getEndpoint().getCamelContext().getExecutorServiceManager(), streamName(),
                streamDisplayUri(), this::startPosition, this::openAfterWait, this::positionWaitGaveUp,
                new ReconnectPolicy(settings.reconnectDelay(), settings.maxReconnectDelay(),
                        settings.maxReconnectAttempts(), ReconnectPolicy.JITTER),
                clock());
    }

    private void positionWaitGaveUp(Exception failure) {
        // counted as the engine counts a stream that gives up, for the metric and the JMX attribute
        counters.permanentFailure();
        onPermanentFailure(failure);
    }

    /**
     * reconnect() of a start that has no stream yet, its position store having failed: reads the position at once,
     * whether the wait is sitting out a backoff delay or gave up, and opens the stream if it can.
     */
    private void readPositionAgain() {
        StartPositionRetry earlier;
        StartPositionRetry retry;
        // under the lock that doStop and openAfterWait take: a stopped consumer or an opened stream is left as it is
        synchronized (this) {
            earlier = positionRetry;
            if (earlier == null || stream != null || !isStarted()) {
                return;
            }
            retry = newPositionRetry();
            positionRetry = retry;
        }
        earlier.cancel();
        LOG.info("{}: reading the position of the stream from {} again on request", streamName(), streamDisplayUri());
        retry.takeOver(earlier);
    }

    private synchronized boolean openAfterWait(String startAfter, StartPositionRetry retry) throws Exception {
        // under the lock that doStop reads the stream under: either it finds this stream, or this finds it stopped
        if (positionRetry != retry || !isRunAllowed()) {
            return false;
        }
        SseStream opened = newStream(startAfter);
        stream = opened;
        runPosition = startAfter;
        positionRetry = null;
        opened.start();
        return true;
    }

    private SseStream newStream(String lastEventId) throws Exception {
        SseCommonConfiguration options = streamOptions();
        StreamSettings settings = options.toStreamSettings();
        SseComponentSupport component = (SseComponentSupport) getEndpoint().getComponent();
        ReconnectPolicy policy = new ReconnectPolicy(settings.reconnectDelay(), settings.maxReconnectDelay(),
                settings.maxReconnectAttempts(), ReconnectPolicy.JITTER);
        HttpClient client;
        if (dedicatedHttpClient()) {
            // one client per consumer start: a stream that reconnect() replaces hands it on to the next
            client = ownClient;
            if (client == null) {
                client = component.dedicatedHttpClient(settings.connectTimeout(), options.getSslContextParameters());
                ownClient = client;
            }
        } else {
            client = component.httpClient(settings.connectTimeout(), options.getSslContextParameters());
        }
        // the engine trusts what it is given: the request and the IDs were checked where they came from
        SseStream created = new SseStream(createStreamRequest(), settings, options.isAllowPlainHttp(),
                lastEventId, client, component.scheduler(), new EngineCallbacks(run), policy, streamName())
                .countingInto(counters);
        if (dedicatedHttpClient()) {
            created.deliverOnReadingThread(component.workers());
        }
        return created;
    }

    @Override
    protected void doStop() throws Exception {
        SseMetrics.unbind(meters);
        meters = null;
        if (isWrapped()) {
            ((SseComponentSupport) getEndpoint().getComponent()).wrappedConsumersInView().stopped(this, getHealthCheck());
        }
        SseStream s;
        StartPositionRetry retry;
        synchronized (this) {
            // after a reconnect() that may be replacing the stream right now
            s = stream;
            // kept, cancelled, so that the status of a consumer stopped while it waited reads STOPPED, not NEW
            retry = positionRetry;
        }
        if (retry != null) {
            retry.cancel();
        }
        if (s != null) {
            s.stop();
        }
        HttpClient own = ownClient;
        if (own != null) {
            ownClient = null;
            HttpClientShutdown.shutdownNow(own);
        }
        try {
            if (!inFlight.closeAndAwaitNone(InFlightDeliveries.STOP_WAIT)) {
                LOG.debug("An event from {} is still in its route while the consumer stops", streamDisplayUri());
            }
        } catch (InterruptedException interrupted) {
            // Camel's shutdown timeout ran out: stop anyway
            Thread.currentThread().interrupt();
        }
        super.doStop();
    }

    private boolean deliver(long streamRun, ServerSentEvent event, Runnable whenDoneAsync) {
        if (!inFlight.tryBegin()) {
            // read just before the stream was stopped: not delivered, so the position stays before it
            return true;
        }
        if (streamRun != run) {
            // the same, by a stream whose thread reached the gate only once the consumer had started again: the new
            // stream resumes before this event and delivers it
            inFlight.end();
            return true;
        }
        try {
            return route(streamRun, event, whenDoneAsync);
        } catch (RuntimeException | Error unexpected) {
            inFlight.end();
            throw unexpected;
        }
    }

    private boolean route(long streamRun, ServerSentEvent event, Runnable whenDoneAsync) {
        Exchange exchange = createExchange(false);
        boolean route;
        try {
            exchange.getMessage().setHeader(SseCommonConstants.EVENT_TYPE, event.type());
            exchange.getMessage().setHeader(SseCommonConstants.EVENT_ID, event.lastEventId());
            route = populateExchange(event, exchange);
        } catch (Exception unreadable) {
            exchange.setException(unreadable);
            route = true;
        }
        if (!route) {
            inFlight.skip(this, exchange);
            return true;
        }
        return inFlight.route(this, exchange, () -> onDone(streamRun, event, exchange), whenDoneAsync);
    }

    private void onDone(long streamRun, ServerSentEvent event, Exchange exchange) {
        if (streamRun != run) {
            // an exchange that outlived the stop of its start (longer than the stop waits): the stream of this start
            // resumed before its event and delivers it again, so it neither moves the position back nor reconnects
            LOG.debug("Event '{}' from {} finished after its route was restarted: its outcome is not recorded",
                    EventIds.forDisplay(event.lastEventId()), streamDisplayUri());
            return;
        }
        switch (ExchangeOutcome.of(exchange)) {
            case COMPLETED -> {
                String id = event.lastEventId();
                // an ID that cannot be sent back is no place to resume from: the one before it stays the position
                if (EventIds.isResumable(id)) {
                    runPosition = id;
                }
                onEventCompleted(event, exchange);
            }
            case REJECTED -> {
                // not a failure of the event: the route is going away, and a restart delivers the event again
                LOG.debug("Event '{}' from {} was not processed: the route is stopping", event.lastEventId(),
                        streamDisplayUri());
                onEventRejected(event, exchange);
            }
            case FAILED -> {
                boolean redeliver = streamOptions().isBreakOnFirstError();
                if (exchange.getException() != null) {
                    getExceptionHandler().handleException("Error processing an event from " + streamDisplayUri(),
                            exchange, exchange.getException());
                }
                onEventFailed(event, exchange, redeliver);
                SseStream s = stream;
                if (redeliver && s != null) {
                    String resumeAfter = runPosition;
                    s.reconnectFrom(resumeAfter, redeliveryReason(event.lastEventId(), resumeAfter));
                }
            }
        }
    }

    private static String redeliveryReason(String failedId, String resumeAfter) {
        return "the route failed on " + (failedId.isEmpty() ? "an event" : "event '" + EventIds.forDisplay(failedId) + "'")
               + " and breakOnFirstError is set; reconnecting"
               + (resumeAfter.isEmpty() ? "" : " after '" + EventIds.forDisplay(resumeAfter) + "'")
               + " to receive it again";
    }

    /** The stream gave up for good; reports it once through the consumer's exception handler. */
    protected void onPermanentFailure(Exception failure) {
        getExceptionHandler().handleException(streamName() + ": the stream from " + streamDisplayUri()
                                              + " failed for good: " + describe(failure) + "; no further requests"
                                              + " until the route is restarted or reconnect() is called over JMX",
                reportable(failure));
    }

    /** The failure as it is reported: a vendor's error answer read by the vendor. */
    protected final Exception reportable(Exception failure) {
        return failure instanceof HttpStatusException http ? translated(http) : failure;
    }

    /** Camel's own sanitizer masks options such as apiKey; request header values are masked here as well. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + maskedEndpointUri(getEndpoint().getEndpointUri()) + "]";
    }

    static String maskedEndpointUri(String uri) {
        return URISupport.sanitizeUri(uri).replaceAll("(header\\.[^=&]+=)[^&]*", "$1xxxxxx");
    }

    /** An error the user should hear of although the stream carries on, such as an event over the size limit. */
    protected void onRecoverableError(Exception error) {
        getExceptionHandler().handleException(error.getMessage(), error);
    }

    /** The server said the stream is over (204 No Content): nothing further is requested. */
    protected void onEndedByServer() {
    }

    // what the dev console, metrics and JMX read (see ObservedConsumer)

    @Override
    public Clock clock() {
        return ((SseComponentSupport) getEndpoint().getComponent()).scheduler().clock();
    }

    @Override
    public String componentName() {
        String uri = getEndpoint().getEndpointUri();
        int colon = uri.indexOf(':');
        return colon < 0 ? uri : uri.substring(0, colon);
    }

    @Override
    public StreamSnapshot streamSnapshot() {
        return StreamSnapshot.of(getRouteId(), componentName(), streamDisplayUri(), streamStatus(), counters);
    }

    @Override
    public StreamCounters streamCounters() {
        return counters;
    }

    /**
     * An open stream drops its connection and connects again after the last event handed to the route (the events
     * after it come again); any other stream of a started consumer is replaced by a new one that connects at once,
     * after the last event completed in this run, or where the run started when none has. A start that has no stream
     * yet, its position store having failed, reads the position again at once, whether its wait gave up or not. A
     * stream that its consumer closed for good, having what it wanted, stays closed.
     */
    @Override
    public void reconnect() {
        SseStream current = stream;
        if (!isStarted()) {
            return;
        }
        if (current == null) {
            readPositionAgain();
            return;
        }
        if (closedForGood) {
            LOG.info("{}: not reconnecting to {}: the stream was closed for good, until the route restarts",
                    streamName(), current.displayUri());
            return;
        }
        if (current.status().state() == StreamState.CONNECTED) {
            current.reconnectFrom(current.lastEventId(), "reconnect requested");
            return;
        }
        synchronized (this) {
            if (stream != current || !isStarted() || closedForGood) {
                return;
            }
            SseStream replacement;
            try {
                replacement = newStream(runPosition);
            } catch (Exception unusable) {
                throw new IllegalStateException(streamName() + ": cannot reconnect: " + unusable.getMessage(), unusable);
            }
            current.stop();
            // one more attempt in the outage of the stream it replaces: the health check's time and the last error
            // go on from there
            replacement.continuing(current);
            stream = replacement;
            // the engine counts the reconnects it schedules; this one the consumer makes by replacing the stream
            counters.reconnect(ReconnectCause.REQUESTED);
            LOG.info("{}: reconnecting to {} on request", streamName(), replacement.displayUri());
            replacement.start();
        }
    }

    /**
     * The engine's view of this consumer. Kept private, so that the engine's callbacks are no public API of the
     * consumer, and a subclass changes what it means to, through the protected hooks, and no plumbing.
     */
    private final class EngineCallbacks implements StreamHandler {
        private final long streamRun;

        EngineCallbacks(long streamRun) {
            this.streamRun = streamRun;
        }

        @Override
        public boolean deliver(ServerSentEvent event, Runnable whenDoneAsync) {
            return SseConsumerSupport.this.deliver(streamRun, event, whenDoneAsync);
        }

        @Override
        public void onPermanentFailure(Exception failure) {
            SseConsumerSupport.this.onPermanentFailure(failure);
        }

        @Override
        public void onRecoverableError(Exception error) {
            SseConsumerSupport.this.onRecoverableError(error);
        }

        @Override
        public void onEndedByServer() {
            SseConsumerSupport.this.onEndedByServer();
        }

        @Override
        public String describe(Throwable failure) {
            return SseConsumerSupport.this.describe(failure);
        }
    }

    private record Translation(HttpStatusException answer, HttpOperationFailedException translated) {
    }
}
