/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
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

/**
 * One logical event stream, across as many connections as it takes: connects, reads, and after a drop reconnects with
 * backoff and the last event ID, until stopped, closed, or failed for good.
 * <p>
 * Holds no thread of its own. Requests run on the HTTP client, events on the threads that deliver the body, and
 * delays and read timeouts on a shared {@link StreamScheduler}. Every way a stream ends is logged or reported: it is
 * never left without a future in silence.
 */
public final class SseStream {

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
    private final ConnectionLog log;

    // guarded by this
    private StreamState state = StreamState.NEW;
    private ConnectionAttempt current;
    private ScheduledFuture<?> pendingReconnect;
    private boolean nextAttemptIsReconnect;
    private final ConnectionHistory history;

    private volatile String lastEventId;
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
        this.log = new ConnectionLog(logPrefix);
        this.requests = new RequestFactory(request, settings.readTimeout(), displayUri);
        this.redirects = new RedirectPolicy(allowPlainHttp);
    }

    /**
     * Logs reconnects and their causes at DEBUG instead of WARN and INFO (see {@link ConnectionLog}); permanent
     * failures still reach the handler. Call before {@link #start()}.
     */
    public SseStream routineEventsAtDebug() {
        log.routineAtDebug();
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

    /**
     * Takes over the outage of the stream this one replaces, when that one has no connection (its owner replaces a
     * stream that failed, was closed by the server or waits out a backoff delay): since when there has been no
     * connection, the attempts failed meanwhile, the last error in words and the reconnect count. Without it the
     * health check would count the outage from the replacement on, and turn UP before any connection. Call with the
     * replaced stream stopped, before {@link #start()}.
     */
    public SseStream continuing(SseStream replaced) {
        ConnectionHistory earlier;
        synchronized (replaced) {
            earlier = replaced.history.copy();
        }
        synchronized (this) {
            if (state != StreamState.NEW) {
                throw new IllegalStateException("A stream takes over an outage before it starts; it is " + state);
            }
            history.continueFrom(earlier);
        }
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
        ConnectionAttempt attempt;
        synchronized (this) {
            attempt = current;
            if (isOver() || state != StreamState.CONNECTED || attempt == null || !attempt.isStreaming()) {
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
        ConnectionAttempt attempt;
        synchronized (this) {
            if (isOver()) {
                return;
            }
            state = StreamState.CONNECTING;
            history.attemptStarted();
            attempt = new ConnectionAttempt(target, redirects, nextAttemptIsReconnect);
            current = attempt;
        }
        HttpRequest httpRequest;
        try {
            httpRequest = requests.requestTo(target, lastEventId);
        } catch (IllegalArgumentException refused) {
            // not the JDK's exception as the cause: its message quotes the header value it refused, maybe a secret
            permanentFailure(new SseStreamException("Cannot build the request to " + displayUri
                                                    + ": the HTTP client refused a header or the URL"));
            return;
        }
        HttpClient httpClient = client;
        if (httpClient == null) {
            return;
        }
        log.connecting();
        CompletableFuture<HttpResponse<String>> response
                = httpClient.sendAsync(httpRequest, info -> bodySubscriberFor(attempt, info));
        attempt.response = response;
        // the JDK client completes this future on the common pool, which on a small machine is a new thread each
        // time; the answer is handled on the client's executor instead, Camel's pool
        response.whenCompleteAsync((r, error) -> guarded(() -> onResponse(attempt, r, error)), workers(httpClient));
        if (isStale(attempt)) {
            response.cancel(true);
        }
    }

    private HttpResponse.BodySubscriber<String> bodySubscriberFor(ConnectionAttempt attempt,
                                                                  HttpResponse.ResponseInfo info) {
        if (ResponseKind.of(info.statusCode(), info.headers()) != ResponseKind.EVENT_STREAM) {
            BoundedBodySubscriber body = new BoundedBodySubscriber(scheduler.executor(), otherBodyWait());
            attempt.otherBody = body;
            return body;
        }
        HttpClient httpClient = client;
        boolean ownClient = readingThreadWorkers != null;
        // a client of this stream's own carries no other stream on its HTTP/2 connection
        boolean sharedConnection = !ownClient && info.version() == HttpClient.Version.HTTP_2;
        EventStreamSubscriber subscriber = new EventStreamSubscriber(lastEventId, settings.maxEventSize(),
                new IdTrackingHandler(), this::onServerRetry, (s, error) -> onStreamEnded(attempt, error),
                httpClient == null ? null : workers(httpClient), ownClient, sharedConnection, clock)
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

    private boolean markConnected(ConnectionAttempt attempt) {
        RejectedExecutionException refusedWatch = null;
        ConnectionHistory.Outage outageEnded = null;
        synchronized (this) {
            if (isStale(attempt)) {
                return false;
            }
            if (!settings.readTimeout().isZero()) {
                try {
                    attempt.readTimeoutWatch = scheduler.watchReadTimeout(attempt.subscriber, settings.readTimeout(),
                            () -> onReadTimeout(attempt));
                } catch (RejectedExecutionException refused) {
                    refusedWatch = refused;
                }
            }
            if (refusedWatch == null) {
                state = StreamState.CONNECTED;
                outageEnded = history.connected();
                policy.connected();
            }
        }
        if (refusedWatch != null) {
            permanentFailure(new SseStreamException("Cannot watch the read timeout of " + displayUri
                                                    + ": the component's scheduler refused the task", refusedWatch));
            return false;
        }
        log.connected(attempt.reconnect, outageEnded, clock.instant(), lastEventId);
        return true;
    }

    private void onResponse(ConnectionAttempt attempt, HttpResponse<String> response, Throwable error) {
        if (attempt.isStreaming() || isStale(attempt)) {
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
                // a stream stopped or replaced meanwhile was not ended by the server: it says and reports nothing
                if (end(StreamState.CLOSED, true)) {
                    log.endedByServer();
                    handler.onEndedByServer();
                }
            }
            case REDIRECT -> redirect(attempt, response);
            case TRANSIENT -> transientFailure(attempt, httpFailure(response), retryAfter(response.headers()));
            default -> permanentFailure(httpFailure(response));
        }
    }

    private void redirect(ConnectionAttempt attempt, HttpResponse<String> response) {
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
        log.redirected(response.statusCode(), target);
        connect(target, attempt.redirects + 1);
    }

    private void onStreamEnded(ConnectionAttempt attempt, Throwable error) {
        String reason = attempt.resumeReason != null ? attempt.resumeReason : handler.describe(unwrap(error));
        synchronized (this) {
            if (isStale(attempt)) {
                return;
            }
            attempt.stopReadTimeoutWatch();
            // the parser's ID also moves on blocks that carry an id but no data
            lastEventId = attempt.resumeFrom != null ? attempt.resumeFrom : attempt.subscriber.lastEventId();
            // the current attempt is the one that connected last
            Duration connectedFor = Duration.between(history.lastConnected(), clock.instant());
            if (connectedFor.compareTo(StreamSettings.STABLE_AFTER) >= 0) {
                policy.connectionStable();
            }
            history.streamEnded(error, reason);
        }
        try {
            if (error instanceof EventTooLargeException tooLarge) {
                handler.onRecoverableError(new SseStreamException(logPrefix + ": " + droppedEvent(tooLarge), error));
            }
            log.streamEnded(error);
        } finally {
            // whatever the owner's report threw, the stream goes on: a stream left without a reconnect is dead
            scheduleReconnect(null, attempt.resumeReason != null ? ReconnectCause.REQUESTED : endCause(error));
        }
    }

    private void transientFailure(ConnectionAttempt attempt, Throwable cause, Duration retryAfter) {
        Exception giveUp = null;
        String reason = handler.describe(cause);
        synchronized (this) {
            if (isStale(attempt)) {
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
        log.attemptFailed(cause);
        if (giveUp != null) {
            permanentFailure(giveUp);
        } else {
            scheduleReconnect(retryAfter, failedAttemptCause(cause));
        }
    }

    private static ReconnectCause failedAttemptCause(Throwable cause) {
        if (cause instanceof HttpStatusException) {
            return ReconnectCause.HTTP_STATUS;
        }
        // the request's timeout is readTimeout: a server that took the connection and sent nothing for that long, not
        // even the response head, is silent as one that stops sending mid-stream is. A connect timeout is a subclass
        if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
            return ReconnectCause.READ_TIMEOUT;
        }
        return ReconnectCause.CONNECT_FAILED;
    }

    private static String droppedEvent(EventTooLargeException tooLarge) {
        String id = tooLarge.droppedEventId();
        if (id == null || !EventIds.isResumable(id)) {
            return "dropped an event: " + tooLarge.getMessage();
        }
        return "dropped event '" + EventIds.forDisplay(id) + "', resuming after it: " + tooLarge.getMessage();
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
        log.reconnectScheduled(reason, outage, delay);
    }

    private void permanentFailure(Exception failure) {
        String reason = handler.describe(failure);
        ConnectionAttempt ended;
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
        cancel(ended);
        handler.onPermanentFailure(failure);
    }

    /** @return false when the stream was over already: then nothing changed */
    private boolean end(StreamState finalState) {
        return end(finalState, false);
    }

    private boolean end(StreamState finalState, boolean byServer) {
        ConnectionAttempt ended;
        synchronized (this) {
            if (isOver()) {
                return false;
            }
            if (byServer) {
                history.endedByServer();
            }
            state = finalState;
            cancel(pendingReconnect);
            ended = current;
            client = null;
        }
        // outside the lock: the JDK client takes a lock of its own to cancel, and may be calling into this stream
        // under that lock at the same moment (Java 25's body subscriber wrapper does)
        cancel(ended);
        return true;
    }

    private void onServerRetry(long millis) {
        synchronized (this) {
            policy.serverRetry(millis);
        }
    }

    private void onReadTimeout(ConnectionAttempt attempt) {
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
            log.unexpectedFailure(bug);
            permanentFailure(new SseStreamException("Unexpected failure in the stream from " + displayUri, bug));
        }
    }

    /** True when the stream has moved on from this attempt, or is over: its callbacks have nothing left to do. */
    private synchronized boolean isStale(ConnectionAttempt attempt) {
        return current != attempt || isOver();
    }

    private boolean isOver() {
        return state.isOver();
    }

    private static void cancel(ConnectionAttempt attempt) {
        if (attempt != null) {
            attempt.cancel();
        }
    }

    private static void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }

    private HttpStatusException httpFailure(HttpResponse<String> response) {
        return HttpStatusException.of(displayUri, response);
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
}
