/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.reconnect;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Decides how long to wait before the next connection attempt: exponential backoff with jitter, from a base delay up
 * to a ceiling. A server's {@code retry:} field replaces the base delay, and a {@code Retry-After} header sets a floor.
 * <p>
 * Whatever a server sends, the delays stay sane: a {@code retry:} below {@link #MIN_SERVER_RETRY} counts as that
 * minimum, so a server cannot switch the backoff off, and neither {@code retry:} nor {@code Retry-After} can ask for
 * more than {@link #MAX_SERVER_DELAY}. No input makes the arithmetic overflow.
 * <p>
 * Not thread-safe: one stream uses it from one logical thread of control at a time.
 */
public final class ReconnectPolicy {

    /** The shortest base delay a server's {@code retry:} field can set. */
    public static final Duration MIN_SERVER_RETRY = Duration.ofMillis(100);
    /** The longest wait a server's {@code retry:} field or {@code Retry-After} header can ask for. */
    public static final Duration MAX_SERVER_DELAY = Duration.ofHours(1);

    /**
     * Jitter that is random on every thread. {@code ThreadLocalRandom.current()::nextDouble} would bind to the thread
     * that evaluated it; called on another thread it reads that thread's unseeded state, and every stream would wait
     * the same "random" delays.
     */
    public static final DoubleSupplier JITTER = () -> ThreadLocalRandom.current().nextDouble();

    private static final int MAX_DOUBLINGS = 30;
    // keeps every sum and product below a long's range
    private static final long MAX_CONFIGURED_MILLIS = Long.MAX_VALUE / 4;

    private final long reconnectDelayMillis;
    private final long maxReconnectDelayMillis;
    private final int maxReconnectAttempts;
    private final DoubleSupplier random;

    private long serverRetryMillis = -1;
    private int backoffExponent;
    private int failedAttemptsInARow;

    /**
     * @param reconnectDelay       the first delay
     * @param maxReconnectDelay    the ceiling of the backoff
     * @param maxReconnectAttempts failed reconnect attempts in a row allowed before giving up; 0 means never give up
     * @param random               a source of uniform doubles in [0, 1), for jitter; called from whichever thread
     *                             schedules the next attempt, so it must be safe to share between threads
     */
    public ReconnectPolicy(Duration reconnectDelay, Duration maxReconnectDelay, int maxReconnectAttempts,
                           DoubleSupplier random) {
        if (reconnectDelay.isNegative() || maxReconnectDelay.isNegative() || maxReconnectAttempts < 0) {
            throw new IllegalArgumentException("Reconnect delays and attempts must not be negative");
        }
        this.reconnectDelayMillis = clampedMillis(reconnectDelay);
        this.maxReconnectDelayMillis = Math.max(clampedMillis(maxReconnectDelay), reconnectDelayMillis);
        this.maxReconnectAttempts = maxReconnectAttempts;
        this.random = random;
    }

    /**
     * The server sent {@code retry: <millis>}: from now on it is the base delay, kept between
     * {@link #MIN_SERVER_RETRY} and {@link #MAX_SERVER_DELAY}.
     */
    public void serverRetry(long millis) {
        this.serverRetryMillis = Math.min(Math.max(millis, MIN_SERVER_RETRY.toMillis()), MAX_SERVER_DELAY.toMillis());
    }

    /** The connection has stayed up long enough to count as healthy: start the backoff from the base again. */
    public void connectionStable() {
        backoffExponent = 0;
    }

    /** A connection was established; the run of failed attempts is over. */
    public void connected() {
        failedAttemptsInARow = 0;
    }

    /**
     * Records that an attempt failed before a stream was established.
     *
     * @return false when {@code maxReconnectAttempts} is used up and the stream must give up
     */
    public boolean attemptFailed(boolean wasReconnect) {
        if (wasReconnect) {
            failedAttemptsInARow++;
        }
        return maxReconnectAttempts == 0 || failedAttemptsInARow < maxReconnectAttempts;
    }

    /**
     * The delay before the next attempt, and a step further along the backoff.
     *
     * @param retryAfter the server's {@code Retry-After}, or null; the delay is never shorter than it, up to
     *                   {@link #MAX_SERVER_DELAY}
     */
    public Duration nextDelay(Duration retryAfter) {
        long base = serverRetryMillis >= 0 ? serverRetryMillis : reconnectDelayMillis;
        // a server asking for more than our ceiling is obeyed: the ceiling guards against our own growth only
        long ceiling = Math.max(maxReconnectDelayMillis, base);
        long capped = Math.min(grown(base, backoffExponent), ceiling);
        backoffExponent = Math.min(backoffExponent + 1, MAX_DOUBLINGS);
        // "equal jitter": at least half the delay, so a fleet of clients spreads out without hammering
        long half = capped / 2;
        long jittered = half + (long) (random.getAsDouble() * (capped - half + 1.0));
        long delay = Math.min(jittered, capped);
        if (retryAfter != null) {
            delay = Math.max(delay, Math.min(clampedMillis(retryAfter), MAX_SERVER_DELAY.toMillis()));
        }
        return Duration.ofMillis(delay);
    }

    private static long grown(long base, int exponent) {
        if (base == 0) {
            // reconnectDelay=0: the first reconnect at once; a zero that never grew would retry a dead server in a
            // tight loop, so from the second on it grows as from the least delay a server may ask for
            if (exponent == 0) {
                return 0;
            }
            return grown(MIN_SERVER_RETRY.toMillis(), exponent - 1);
        }
        // doubling past the top bit would wrap: such a delay is "as long as allowed"
        return exponent >= Long.numberOfLeadingZeros(base) - 1 ? MAX_CONFIGURED_MILLIS : base << exponent;
    }

    private static long clampedMillis(Duration duration) {
        if (duration.compareTo(Duration.ofMillis(MAX_CONFIGURED_MILLIS)) > 0) {
            return MAX_CONFIGURED_MILLIS;
        }
        return Math.max(0, duration.toMillis());
    }
}
