/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;

import io.camelsse.component.sse.event.ServerSentEvent;
import io.camelsse.component.sse.parser.EventTooLargeException;
import io.camelsse.component.sse.reconnect.ReconnectPolicy;
import io.camelsse.component.sse.reconnect.RetryAfter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logical event stream, across as many connections as it takes: connects, reads, and after a drop reconnects with
 * backoff and the last event ID, until stopped, closed, or failed for good.
 * <p>
 * Holds no thread of its own. Requests run on the HTTP client, events on the threads that deliver the body, and
 * delays and read timeouts on a shared {@link StreamScheduler}. Every way a stream ends is logged or reported: it is
 * never left without a future in silence.
 */
public final class SseStream {

    private static final Logger LOG = LoggerFactory.getLogger(SseStream.class);

    private final StreamRequest request;
    private final StreamSettings settings;
    private final RequestFactory requests;
    private final RedirectPolicy redirects;
    // let go of once the stream is over: on Java 17 a client's selector thread ends only when the client is unreachable,
    // and a stopped route may stay reachable for long
    private volatile HttpClient client;
    private final StreamScheduler scheduler;
    private final StreamHandler handler;
    private final ReconnectPolicy policy;
    private final Clock clock;
    private final String displayUri;
    private final String logPrefix;

    // guarded by this
    private StreamState state = StreamState.NEW;
    private Attempt current;
    private ScheduledFuture<?> pendingReconnect;
    private boolean nextAttemptIsReconnect;
    private final ConnectionHistory history;

    private volatile String lastEventId;
    private volatile boolean routineAtDebug;
    private volatile StreamCounters counters = new StreamCounters();
    // set when the client is this stream's own: events go to the handler on the thread that reads them
    private volatile Executor readingThreadWorkers;

    /**
     * Trusts what it is given: the URL, the headers and the initial ID were checked where they came from (the
     * endpoint's options, {@link StreamRequest.Builder}); only where a redirect leads is checked here.
     *
     * @param allowPlainHttp whether a redirect may lead to plain http on a host that is not loopback
     * @param scheduler      the timers, and the {@linkplain StreamScheduler#clock() clock} the stream reads
     * @param name           how log lines name the stream beside its URL, such as {@code Route 'orders'}; may be empty
     */
    public SseStream(StreamRequest request, StreamSettings settings, boolean allowPlainHttp, String initialLastEventId,
                     HttpClient client, StreamScheduler scheduler, StreamHandler handler,
                     ReconnectPolicy policy, String name) {
        this.request = Objects.requireNonNull(request, "request");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = Objects.requireNonNull(client, "client");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = scheduler.clock();
        this.history = new ConnectionHistory(clock);
        this.lastEventId = initialLastEventId == null ? "" : initialLastEventId;
        this.displayUri = DisplayUri.of(request.uri());
        this.logPrefix = (name == null || name.isEmpty() ? "" : name + ": ") + displayUri;
        this.requests = new RequestFactory(request, settings.readTimeout(), displayUri);
        this.redirects = new RedirectPolicy(allowPlainHttp);
    }

    /**
     * Logs reconnects and their causes at DEBUG instead of WARN and INFO: for an owner of thousands of streams, which
     * shows their states in its own health details, one line per stream on a server restart would flood the log.
     * Permanent failures still reach the handler. Call before {@link #start()}.
     */
    public SseStream routineEventsAtDebug() {
        this.routineAtDebug = true;
        return this;
    }

    /**
     * Counts into the given counters instead of the stream's own: an owner that restarts its stream, or runs many,
     * keeps counts that only grow. Call before {@link #start()}.
     */
    public SseStream countingInto(StreamCounters streamCounters) {
        this.counters = Objects.requireNonNull(streamCounters, "streamCounters");
        return this;
    }

    /** What this stream did: events, bytes, reconnects by cause, permanent failures. */
    public StreamCounters counters() {
        return counters;
    }

    /**
     * Delivers events on the thread that reads the response body, with no hand-off to a worker thread: for a client
     * of this stream's own whose executor runs its tasks on the calling thread, so that the thread that reads is the
     * client's selector thread, which serves no other stream. The lowest latency per event, at the cost of a thread
     * per stream. Other signals, such as a route that completes on a thread of its own, still move to the given
     * workers. Call before {@link #start()}.
     */
    public SseStream deliverOnReadingThread(Executor workers) {
        this.readingThreadWorkers = Objects.requireNonNull(workers, "workers");
        return this;
    }

    /** Opens the first connection; returns at once. */
    public void start() {
        synchronized (this) {
            if (state != StreamState.NEW) {
                throw new IllegalStateException("A stream starts once; it is " + state);
            }
            state = StreamState.CONNECTING;
            history.started();
        }
        connect(request.uri(), 0);
    }

    /** Closes the connection at once and cancels any pending reconnect. The event in flight finishes. */
    public void stop() {
        end(StreamState.STOPPED);
    }

    /** Ends the stream for good because its owner has what it wanted; no reconnect follows. */
    public void close() {
        end(StreamState.CLOSED);
    }

    public synchronized StreamStatus status() {
        return history.status(state, lastEventId);
    }

    /**
     * Drops the current connection, with the events read but not delivered yet, and connects again after the usual
     * backoff, resuming after the given ID: the events after it are sent again. For an owner whose route failed on an
     * event that it wants to receive once more. Does nothing unless a stream is open.
     */
    public void reconnectFrom(String eventId, String reason) {
        Attempt attempt;
        synchronized (this) {
            attempt = current;
            if (isOver() || state != StreamState.CONNECTED || attempt == null || attempt.subscriber == null) {
                return;
            }
            attempt.resumeFrom = eventId == null ? "" : eventId;
            attempt.resumeReason = reason;
        }
        attempt.subscriber.discardAndAbort(new SseStreamException(reason));
    }

    public String lastEventId() {
        return lastEventId;
    }

    /** The stream URL with any secret query parameter masked, fit for logs and messages. */
    public String displayUri() {
        return displayUri;
    }

    private void connect(URI target, int redirects) {
        Attempt attempt;
        synchronized (this) {
            if (isOver()) {
                return;
            }
            state = StreamState.CONNECTING;
            history.attemptStarted();
            attempt = new Attempt(target, redirects, nextAttemptIsReconnect);
            current = attempt;
        }
        HttpRequest httpRequest;
        try {
            httpRequest = requests.requestTo(target, lastEventId);
        } catch (IllegalArgumentException refused) {
            permanentFailure(new SseStreamException("Cannot build the request to " + displayUri, refused));
            return;
        }
        HttpClient httpClient = client;
        if (httpClient == null) {
            return;
        }
        LOG.debug("Connecting to {}", displayUri);
        CompletableFuture<HttpResponse<String>> response
                = httpClient.sendAsync(httpRequest, info -> bodySubscriberFor(attempt, info));
        attempt.response = response;
        // the JDK client completes this future on the common pool, which on a small machine is a new thread each
        // time; the answer is handled on the client's executor instead, Camel's pool
        response.whenCompleteAsync((r, error) -> guarded(() -> onResponse(attempt, r, error)),
                workers(httpClient));
        boolean unwanted;
        synchronized (this) {
            unwanted = current != attempt || isOver();
        }
        if (unwanted) {
            response.cancel(true);
        }
    }

    private HttpResponse.BodySubscriber<String> bodySubscriberFor(Attempt attempt, HttpResponse.ResponseInfo info) {
        if (ResponseKind.of(info.statusCode(), info.headers()) != ResponseKind.EVENT_STREAM) {
            BoundedBodySubscriber body = new BoundedBodySubscriber(scheduler.executor(), otherBodyWait());
            attempt.otherBody = body;
            return body;
        }
        HttpClient httpClient = client;
        EventStreamSubscriber subscriber = new EventStreamSubscriber(lastEventId, settings.maxEventSize(),
                new IdTrackingHandler(), this::onServerRetry, (s, error) -> onStreamEnded(attempt, error),
                httpClient == null ? null : workers(httpClient), readingThreadWorkers != null, clock)
                .countingInto(counters);
        attempt.subscriber = subscriber;
        if (!markConnected(attempt)) {
            subscriber.cancel();
        }
        return subscriber;
    }

    /** The threads that deliver events and handle answers, apart from the reading thread of a client of its own. */
    private Executor workers(HttpClient httpClient) {
        Executor own = readingThreadWorkers;
        return own != null ? own : httpClient.executor().orElse(Runnable::run);
    }

    /** How long the body of an answer that is not an event stream may take: it only completes the report. */
    private Duration otherBodyWait() {
        Duration readTimeout = settings.readTimeout();
        return readTimeout.isZero() || readTimeout.compareTo(StreamSettings.OTHER_BODY_WAIT) > 0
                ? StreamSettings.OTHER_BODY_WAIT : readTimeout;
    }

    private boolean markConnected(Attempt attempt) {
        synchronized (this) {
            if (current != attempt || isOver()) {
                return false;
            }
            if (!settings.readTimeout().isZero()) {
                try {
                    attempt.readTimeoutWatch = scheduler.watchReadTimeout(attempt.subscriber, settings.readTimeout(),
                            () -> onReadTimeout(attempt));
                } catch (RejectedExecutionException refused) {
                    attempt.refusedWatch = refused;
                }
            }
            if (attempt.refusedWatch == null) {
                state = StreamState.CONNECTED;
                attempt.outageEnded = history.connected();
                attempt.connectedAt = history.lastConnected();
                policy.connected();
            }
        }
        if (attempt.refusedWatch != null) {
            permanentFailure(new SseStreamException("Cannot watch the read timeout of " + displayUri
                                                    + ": the component's scheduler refused the task",
                    attempt.refusedWatch));
            return false;
        }
        ConnectionHistory.Outage outage = attempt.outageEnded;
        if (attempt.reconnect && outage.downSince() != null && !routineAtDebug) {
            LOG.info("{}: reconnected after {} without a connection{}, resuming after event ID '{}'", logPrefix,
                    seconds(Duration.between(outage.downSince(), clock.instant())),
                    outage.failedAttempts() > 1 ? " and " + outage.failedAttempts() + " attempts" : "",
                    EventIds.forDisplay(lastEventId));
        } else {
            LOG.debug("{}: connected", logPrefix);
        }
        return true;
    }

    private void onResponse(Attempt attempt, HttpResponse<String> response, Throwable error) {
        if (attempt.subscriber != null || isStale(attempt)) {
            // an event stream reports its own end, through its subscriber
            return;
        }
        if (error != null) {
            Throwable cause = unwrap(error);
            transientFailure(attempt, cause, null);
            return;
        }
        int status = response.statusCode();
        switch (ResponseKind.of(status, response.headers())) {
            case END_OF_STREAM -> {
                LOG.info("{}: the server answered 204 No Content: the stream is over, no reconnect", logPrefix);
                end(StreamState.CLOSED);
                handler.onEndedByServer();
            }
            case REDIRECT -> redirect(attempt, response);
            case TRANSIENT -> transientFailure(attempt, httpFailure(response), retryAfter(response.headers()));
            default -> permanentFailure(httpFailure(response));
        }
    }

    private void redirect(Attempt attempt, HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").map(String::trim).orElse("");
        if (location.isEmpty()) {
            permanentFailure(httpFailure(response));
            return;
        }
        URI target;
        try {
            target = redirects.follow(attempt.uri, location, attempt.redirects);
        } catch (IllegalArgumentException unusable) {
            permanentFailure(new SseStreamException(
                    "Cannot follow the redirect from " + displayUri + ": " + unusable.getMessage(),
                    httpFailure(response)));
            return;
        }
        LOG.debug("{} redirects ({}) to {}", displayUri, response.statusCode(),
                DisplayUri.of(target));
        connect(target, attempt.redirects + 1);
    }

    private void onStreamEnded(Attempt attempt, Throwable error) {
        String reason = attempt.resumeReason != null ? attempt.resumeReason : handler.describe(unwrap(error));
        synchronized (this) {
            if (current != attempt || isOver()) {
                return;
            }
            runIfSet(attempt.readTimeoutWatch);
            // the parser's ID also moves on blocks that carry an id but no data
            lastEventId = attempt.resumeFrom != null ? attempt.resumeFrom : attempt.subscriber.lastEventId();
            if (Duration.between(attempt.connectedAt, clock.instant()).compareTo(StreamSettings.STABLE_AFTER) >= 0) {
                policy.connectionStable();
            }
            history.streamEnded(error, reason);
        }
        if (error instanceof EventTooLargeException) {
            handler.onRecoverableError(new SseStreamException(
                    logPrefix + ": dropped an event: " + error.getMessage(), error));
        }
        LOG.debug("{}: stream ended", logPrefix, error);
        scheduleReconnect(null, attempt.resumeReason != null ? ReconnectCause.REQUESTED : endCause(error));
    }

    private void transientFailure(Attempt attempt, Throwable cause, Duration retryAfter) {
        Exception giveUp = null;
        String reason = handler.describe(cause);
        synchronized (this) {
            if (current != attempt || isOver()) {
                return;
            }
            history.attemptFailed(cause, reason);
            if (!policy.attemptFailed(attempt.reconnect)) {
                // the words say it all; the cause's stack trace would only repeat the HTTP client's internals
                giveUp = cause instanceof HttpStatusException http ? http
                        : new SseStreamException("Gave up on " + displayUri + " after "
                                                 + settings.maxReconnectAttempts()
                                                 + " failed reconnect attempts in a row: " + reason);
            }
        }
        LOG.debug("{}: attempt failed", logPrefix, cause);
        if (giveUp != null) {
            permanentFailure(giveUp);
        } else {
            scheduleReconnect(retryAfter, cause instanceof HttpStatusException
                    ? ReconnectCause.HTTP_STATUS : ReconnectCause.CONNECT_FAILED);
        }
    }

    private static ReconnectCause endCause(Throwable error) {
        if (error == null) {
            return ReconnectCause.STREAM_ENDED;
        }
        if (error instanceof HttpTimeoutException) {
            return ReconnectCause.READ_TIMEOUT;
        }
        return error instanceof EventTooLargeException ? ReconnectCause.EVENT_TOO_LARGE : ReconnectCause.STREAM_BROKEN;
    }

    private void scheduleReconnect(Duration retryAfter, ReconnectCause cause) {
        Duration delay;
        String reason;
        ConnectionHistory.Outage outage;
        RejectedExecutionException refused = null;
        synchronized (this) {
            if (isOver()) {
                return;
            }
            reason = history.lastError();
            delay = policy.nextDelay(retryAfter);
            state = StreamState.RECONNECTING;
            nextAttemptIsReconnect = true;
            outage = history.reconnectScheduled(delay);
            counters.reconnect(cause);
            try {
                pendingReconnect = scheduler.schedule(() -> guarded(() -> connect(request.uri(), 0)), delay);
            } catch (RejectedExecutionException e) {
                refused = e;
            }
        }
        if (refused != null) {
            // a stream without a pending reconnect would be dead while looking alive: fail it where it shows
            permanentFailure(new SseStreamException("Cannot schedule the reconnect to " + displayUri + " after "
                                                    + reason + ": the component's scheduler refused the task",
                    refused));
            return;
        }
        int failedAttempts = outage.failedAttempts();
        if (routineAtDebug) {
            LOG.debug("{}: {}; attempt {} failed, next try in {}", logPrefix, reason, failedAttempts, seconds(delay));
        } else if (failedAttempts == 0) {
            LOG.warn("{}: {}; reconnecting in {}", logPrefix, reason, seconds(delay));
        } else {
            Instant down = outage.downSince();
            LOG.warn("{}: {}; attempt {} failed, next try in {}, no connection since {}", logPrefix, reason,
                    failedAttempts, seconds(delay), down == null ? null : down.truncatedTo(ChronoUnit.MILLIS));
        }
    }

    /** A duration as people read it in a log line: {@code 4.1 s}, or {@code 40 ms} below a second. */
    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private void permanentFailure(Exception failure) {
        String reason = handler.describe(failure);
        Attempt ended;
        synchronized (this) {
            if (isOver()) {
                return;
            }
            state = StreamState.FAILED;
            counters.permanentFailure();
            history.failedForGood(failure, reason);
            cancel(pendingReconnect);
            ended = current;
            client = null;
        }
        cancelAttempt(ended);
        handler.onPermanentFailure(failure);
    }

    private void end(StreamState finalState) {
        Attempt ended;
        synchronized (this) {
            if (isOver()) {
                return;
            }
            state = finalState;
            cancel(pendingReconnect);
            ended = current;
            client = null;
        }
        // outside the lock: the JDK client takes a lock of its own to cancel, and may be calling into this stream
        // under that lock at the same moment (Java 25's body subscriber wrapper does)
        cancelAttempt(ended);
    }

    private void onServerRetry(long millis) {
        synchronized (this) {
            policy.serverRetry(millis);
        }
    }

    private void onReadTimeout(Attempt attempt) {
        if (isStale(attempt)) {
            return;
        }
        attempt.subscriber.abort(new HttpTimeoutException(
                "no data, not even a comment, for " + settings.readTimeout().toMillis() + " ms"));
    }

    /** Callbacks of futures and schedulers swallow exceptions; a bug must end the stream loudly instead. */
    private void guarded(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException | Error bug) {
            LOG.error("{}: unexpected failure in the stream", logPrefix, bug);
            permanentFailure(new SseStreamException("Unexpected failure in the stream from " + displayUri, bug));
        }
    }

    private boolean isStale(Attempt attempt) {
        synchronized (this) {
            return current != attempt || isOver();
        }
    }

    private boolean isOver() {
        return state.isOver();
    }

    private static void cancelAttempt(Attempt attempt) {
        if (attempt == null) {
            return;
        }
        runIfSet(attempt.readTimeoutWatch);
        if (attempt.subscriber != null) {
            attempt.subscriber.cancel();
        }
        if (attempt.otherBody != null) {
            attempt.otherBody.cancel();
        }
        if (attempt.response != null) {
            attempt.response.cancel(true);
        }
    }

    private static void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }

    private static void runIfSet(Runnable action) {
        if (action != null) {
            action.run();
        }
    }

    private HttpStatusException httpFailure(HttpResponse<String> response) {
        int status = response.statusCode();
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        String location = response.headers().firstValue("Location").orElse(null);
        return new HttpStatusException(displayUri, status, ResponseKind.reasonPhrase(status), location, headers,
                response.body() == null ? "" : response.body());
    }

    private Duration retryAfter(HttpHeaders headers) {
        return RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), clock).orElse(null);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }


    /** Keeps the ID of the event being delivered, so health checks and restarts see where the route is. */
    private final class IdTrackingHandler implements StreamHandler {
        @Override
        public boolean deliver(ServerSentEvent event, Runnable whenDoneAsync) {
            lastEventId = event.lastEventId();
            counters.eventDelivered(clock.millis());
            return handler.deliver(event, whenDoneAsync);
        }

        @Override
        public void onPermanentFailure(Exception failure) {
            handler.onPermanentFailure(failure);
        }

        @Override
        public void onRecoverableError(Exception error) {
            handler.onRecoverableError(error);
        }
    }

    private static final class Attempt {
        final URI uri;
        final int redirects;
        final boolean reconnect;
        volatile CompletableFuture<HttpResponse<String>> response;
        volatile EventStreamSubscriber subscriber;
        volatile BoundedBodySubscriber otherBody;
        volatile Runnable readTimeoutWatch;
        RejectedExecutionException refusedWatch;
        volatile String resumeFrom;
        volatile String resumeReason;
        Instant connectedAt;
        ConnectionHistory.Outage outageEnded;

        Attempt(URI uri, int redirects, boolean reconnect) {
            this.uri = uri;
            this.redirects = redirects;
            this.reconnect = reconnect;
        }
    }
}
