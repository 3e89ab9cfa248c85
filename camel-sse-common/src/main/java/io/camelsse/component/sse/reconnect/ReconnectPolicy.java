/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.reconnect;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Decides how long to wait before the next connection attempt: exponential backoff with jitter, from a base delay up
 * to a ceiling. A server's {@code retry:} field replaces the base delay, and a {@code Retry-After} header sets a floor.
 * <p>
 * Not thread-safe: one stream uses it from one logical thread of control at a time.
 */
public final class ReconnectPolicy {

    private static final int MAX_DOUBLINGS = 30;

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
     * @param random               a source of uniform doubles in [0, 1), for jitter
     */
    public ReconnectPolicy(Duration reconnectDelay, Duration maxReconnectDelay, int maxReconnectAttempts,
                           DoubleSupplier random) {
        if (reconnectDelay.isNegative() || maxReconnectDelay.isNegative() || maxReconnectAttempts < 0) {
            throw new IllegalArgumentException("Reconnect delays and attempts must not be negative");
        }
        this.reconnectDelayMillis = reconnectDelay.toMillis();
        this.maxReconnectDelayMillis = Math.max(maxReconnectDelay.toMillis(), reconnectDelayMillis);
        this.maxReconnectAttempts = maxReconnectAttempts;
        this.random = random;
    }

    /** The server sent {@code retry: <millis>}: from now on it is the base delay. */
    public void serverRetry(long millis) {
        this.serverRetryMillis = Math.max(0, millis);
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
     * @param retryAfter the server's {@code Retry-After}, or null; the delay is never shorter than it
     */
    public Duration nextDelay(Duration retryAfter) {
        long base = serverRetryMillis >= 0 ? serverRetryMillis : reconnectDelayMillis;
        // a server asking for more than our ceiling is obeyed: the ceiling guards against our own growth only
        long ceiling = Math.max(maxReconnectDelayMillis, base);
        long grown = base << Math.min(backoffExponent, MAX_DOUBLINGS);
        long capped = grown < base ? ceiling : Math.min(grown, ceiling);
        backoffExponent = Math.min(backoffExponent + 1, MAX_DOUBLINGS);
        // "equal jitter": at least half the delay, so a fleet of clients spreads out without hammering
        long jittered = capped / 2 + (long) (random.getAsDouble() * (capped - capped / 2 + 1));
        long delay = Math.min(jittered, capped);
        if (retryAfter != null && retryAfter.toMillis() > delay) {
            delay = retryAfter.toMillis();
        }
        return Duration.ofMillis(delay);
    }

    public long serverRetryMillis() {
        return serverRetryMillis;
    }
}
