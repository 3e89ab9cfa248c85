/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The engine's time: the system clock's reading when it is created, moved on by {@link System#nanoTime()}. One clock
 * serves both what the engine measures (read timeouts, how long a connection stayed up, connection pacing) and the
 * instants it reports (last connected, down since, next attempt), so they always agree, and a step of the system
 * clock (NTP, a manual change) neither fires every read timeout at once nor holds them back.
 */
public final class MonotonicClock extends Clock {

    private final Instant origin;
    private final long originNanos;
    private final ZoneId zone;

    private MonotonicClock(Instant origin, long originNanos, ZoneId zone) {
        this.origin = origin;
        this.originNanos = originNanos;
        this.zone = zone;
    }

    /** A clock that starts at the system clock's time now. */
    public static MonotonicClock fromSystemClock() {
        return new MonotonicClock(Instant.now(), System.nanoTime(), ZoneOffset.UTC);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MonotonicClock(origin, originNanos, zone);
    }

    @Override
    public Instant instant() {
        return origin.plusNanos(System.nanoTime() - originNanos);
    }

    @Override
    public long millis() {
        return origin.toEpochMilli() + (System.nanoTime() - originNanos) / 1_000_000;
    }
}
