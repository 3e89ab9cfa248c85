/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a stream did, counted since its owner made the counters: events delivered, bytes read, reconnects by cause,
 * permanent failures, and when the last event came. An owner may keep one across restarts of its streams, or share one
 * between several streams, so the counts only grow.
 * <p>
 * Written on the hot path (a chunk, an event), so every count is a {@link LongAdder}: no lock, no contention between
 * streams that share one, and the cost of a read falls on whoever reads.
 */
public final class StreamCounters {

    private static final long NEVER = Long.MIN_VALUE;

    private final LongAdder eventsDelivered = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();
    private final LongAdder permanentFailures = new LongAdder();
    private final LongAdder[] reconnects = new LongAdder[ReconnectCause.values().length];
    private volatile long lastEventAtMillis = NEVER;

    public StreamCounters() {
        for (int i = 0; i < reconnects.length; i++) {
            reconnects[i] = new LongAdder();
        }
    }

    void eventDelivered(long nowMillis) {
        eventsDelivered.increment();
        lastEventAtMillis = nowMillis;
    }

    void bytesRead(long bytes) {
        bytesRead.add(bytes);
    }

    /**
     * A reconnect was scheduled or made for this cause. Public for the owner that replaces a stream itself (an
     * operator's {@code reconnect()} of a stream that failed, was closed or waits out a backoff delay): the new stream
     * connects at once, and the count shows it as the engine counts its own reconnects.
     */
    public void reconnect(ReconnectCause cause) {
        reconnects[cause.ordinal()].increment();
    }

    /**
     * A stream gave up for good. Public for the owner of a stream that gave up before it had a stream at all (a start
     * whose position store stayed out of reach): the operator sees one count of permanent failures, whichever gave up.
     */
    public void permanentFailure() {
        permanentFailures.increment();
    }

    /** Events handed to the owner. */
    public long eventsDelivered() {
        return eventsDelivered.sum();
    }

    /** Bytes of event-stream bodies read from the server. */
    public long bytesRead() {
        return bytesRead.sum();
    }

    /** Reconnects scheduled for this cause. */
    public long reconnects(ReconnectCause cause) {
        return reconnects[cause.ordinal()].sum();
    }

    /** Reconnects scheduled for any cause. */
    public long reconnects() {
        long total = 0;
        for (LongAdder count : reconnects) {
            total += count.sum();
        }
        return total;
    }

    /** Reconnects by cause, every cause present. */
    public Map<ReconnectCause, Long> reconnectsByCause() {
        Map<ReconnectCause, Long> byCause = new EnumMap<>(ReconnectCause.class);
        for (ReconnectCause cause : ReconnectCause.values()) {
            byCause.put(cause, reconnects(cause));
        }
        return byCause;
    }

    /** Times a stream gave up for good. */
    public long permanentFailures() {
        return permanentFailures.sum();
    }

    /** When the last event was handed to the owner, or null before the first. */
    public Instant lastEventAt() {
        long at = lastEventAtMillis;
        return at == NEVER ? null : Instant.ofEpochMilli(at);
    }
}
