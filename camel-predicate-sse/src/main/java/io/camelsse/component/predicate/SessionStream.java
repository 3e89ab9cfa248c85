/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import io.camelsse.component.sse.connection.FailureDescription;
import io.camelsse.component.sse.connection.HttpStatusException;
import io.camelsse.component.sse.connection.SseStream;
import io.camelsse.component.sse.connection.StreamHandler;
import io.camelsse.component.sse.connection.StreamStatus;
import io.camelsse.component.sse.event.ServerSentEvent;
import io.camelsse.component.sse.support.EngineFailures;

/** The stream of one watched session: hands its events to the watch consumer, and its failures. */
final class SessionStream implements StreamHandler {

    private final PredicateWatchConsumer consumer;
    private final WatchEntry entry;
    private final WatchHttpClients.Lease lease;
    private final long run;
    private volatile SseStream stream;
    // events of one session come one at a time
    private volatile PredicateStatusEvent inFlight;

    /** @param run the consumer's start that opened the session */
    SessionStream(PredicateWatchConsumer consumer, WatchEntry entry, WatchHttpClients.Lease lease, long run) {
        this.consumer = consumer;
        this.entry = entry;
        this.lease = lease;
        this.run = run;
    }

    void start(SseStream newStream) {
        stream = newStream;
        newStream.start();
    }

    WatchEntry entry() {
        return entry;
    }

    long run() {
        return run;
    }

    StreamStatus status() {
        SseStream s = stream;
        return s == null ? null : s.status();
    }

    PredicateStatusEvent inFlight() {
        return inFlight;
    }

    void inFlight(PredicateStatusEvent status) {
        inFlight = status;
    }

    void reconnect(String reason) {
        SseStream s = stream;
        if (s != null) {
            s.reconnectFrom("", reason);
        }
    }

    /** Stops for now: the session stays in the set. */
    void stop() {
        SseStream s = stream;
        if (s != null) {
            s.stop();
        }
        lease.release();
    }

    /** Ends for good: the session is over. */
    void close() {
        SseStream s = stream;
        if (s != null) {
            consumer.sessionClosing(s.status());
            s.close();
        }
        lease.release();
    }

    @Override
    public boolean deliver(ServerSentEvent event, Runnable whenDoneAsync) {
        return consumer.deliver(this, event, whenDoneAsync);
    }

    @Override
    public void onPermanentFailure(Exception failure) {
        consumer.sessionFailed(this, reportable(failure));
    }

    @Override
    public void onRecoverableError(Exception error) {
        consumer.sessionError(this, error);
    }

    @Override
    public void onEndedByServer() {
        consumer.sessionEndedByServer(this);
    }

    @Override
    public String describe(Throwable failure) {
        if (failure instanceof HttpStatusException http) {
            return new PredicateApiException(EngineFailures.toCamel(http)).describe();
        }
        return FailureDescription.of(failure);
    }

    static Exception reportable(Exception failure) {
        return failure instanceof HttpStatusException http
                ? new PredicateApiException(EngineFailures.toCamel(http)) : failure;
    }
}
