/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What a stream's status reports beside its state: when it last connected, since when it has been down and how many
 * attempts failed meanwhile, the last failure, and when the next attempt is due. {@link SseStream} records each of its
 * transitions here and reads a {@link StreamStatus} back.
 * <p>
 * Not thread-safe: the stream calls it under its own lock only, together with the state change it records.
 */
final class ConnectionHistory {

    private final Clock clock;
    private long reconnectCount;
    private Instant lastConnected;
    private Instant nextAttemptAt;
    private Instant downSince;
    private int failedAttempts;
    private Throwable lastFailure;
    private int lastFailureStatus;
    private String lastError;
    private boolean endedByServer;

    ConnectionHistory(Clock clock) {
        this.clock = clock;
    }

    /**
     * The stream starts: a stream that never connects is down from its start, or, when it replaces one that had no
     * connection either, from when that one lost it.
     */
    void started() {
        if (downSince == null) {
            downSince = clock.instant();
        }
    }

    /**
     * Goes on from the history of the stream this one replaces, which had no connection: its outage and the attempts
     * failed in it, its last error in words, its reconnects, plus this one. The replacement is one more attempt in
     * the same outage, so neither the health check's time without a connection nor the last error starts again.
     */
    void continueFrom(ConnectionHistory replaced) {
        reconnectCount = replaced.reconnectCount + 1;
        lastConnected = replaced.lastConnected;
        downSince = replaced.downSince;
        failedAttempts = replaced.failedAttempts;
        lastError = replaced.lastError;
    }

    /** A copy, to be read outside the lock of the stream it belongs to. */
    ConnectionHistory copy() {
        ConnectionHistory copy = new ConnectionHistory(clock);
        copy.reconnectCount = reconnectCount;
        copy.lastConnected = lastConnected;
        copy.nextAttemptAt = nextAttemptAt;
        copy.downSince = downSince;
        copy.failedAttempts = failedAttempts;
        copy.lastFailure = lastFailure;
        copy.lastFailureStatus = lastFailureStatus;
        copy.lastError = lastError;
        copy.endedByServer = endedByServer;
        return copy;
    }

    /** An attempt to connect begins: no attempt is pending any more. */
    void attemptStarted() {
        nextAttemptAt = null;
    }

    /**
     * A connection is established: the stream is up, and the failures before it are history except in words.
     *
     * @return what the reconnect ended: since when the stream was down (null if it was not) and the attempts that
     *         failed meanwhile
     */
    Outage connected() {
        Outage ended = new Outage(downSince, failedAttempts);
        lastConnected = clock.instant();
        downSince = null;
        failedAttempts = 0;
        lastFailure = null;
        lastFailureStatus = 0;
        return ended;
    }

    Instant lastConnected() {
        return lastConnected;
    }

    /** An open stream ended, cleanly ({@code error} null) or not: it is down from now. */
    void streamEnded(Throwable error, String reason) {
        failed(error, reason);
        downSince = clock.instant();
    }

    /** An attempt to connect failed. */
    void attemptFailed(Throwable cause, String reason) {
        failed(cause, reason);
        failedAttempts++;
    }

    /** The stream failed for good. */
    void failedForGood(Throwable failure, String reason) {
        failed(failure, reason);
    }

    /** The server said the stream is over (204 No Content). */
    void endedByServer() {
        endedByServer = true;
    }

    /** A reconnect is scheduled after the given delay; returns the outage it is part of, for the log line. */
    Outage reconnectScheduled(Duration delay) {
        reconnectCount++;
        nextAttemptAt = clock.instant().plus(delay);
        return new Outage(downSince, failedAttempts);
    }

    String lastError() {
        return lastError;
    }

    StreamStatus status(StreamState state, String lastEventId) {
        boolean failing = state == StreamState.FAILED || state == StreamState.RECONNECTING
                || state == StreamState.CONNECTING;
        Throwable failure = failing ? lastFailure : null;
        return new StreamStatus(state, lastEventId, reconnectCount, lastConnected, failure,
                failure == null ? 0 : lastFailureStatus, state == StreamState.RECONNECTING ? nextAttemptAt : null,
                lastError, state.isOver() ? null : downSince, failedAttempts, endedByServer);
    }

    private void failed(Throwable failure, String reason) {
        lastFailure = failure;
        lastFailureStatus = failure instanceof HttpStatusException http ? http.statusCode() : 0;
        lastError = reason;
    }

    /**
     * A time without a connection.
     *
     * @param downSince      when it began; null when the stream was not down
     * @param failedAttempts the attempts that failed during it
     */
    record Outage(Instant downSince, int failedAttempts) {
    }
}
