/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.time.Duration;

/**
 * Timing and size limits of one stream. A zero {@code readTimeout} turns the read timeout off; a zero
 * {@code maxReconnectAttempts} never gives up.
 */
public record StreamSettings(
        Duration reconnectDelay,
        Duration maxReconnectDelay,
        int maxReconnectAttempts,
        Duration readTimeout,
        Duration connectTimeout,
        int maxEventSize) {

    /** How long a connection must stay up before the backoff starts again from the base delay. */
    public static final Duration STABLE_AFTER = Duration.ofSeconds(10);

    /**
     * The longest wait for the body of an answer that is not an event stream (an error, a proxy's page), which goes
     * into the failure report. Bounded by {@code readTimeout} when that is shorter.
     */
    public static final Duration OTHER_BODY_WAIT = Duration.ofSeconds(5);

    public StreamSettings {
        if (reconnectDelay.isNegative() || maxReconnectDelay.isNegative() || readTimeout.isNegative()) {
            throw new IllegalArgumentException("Delays and timeouts must not be negative");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive");
        }
        if (maxReconnectAttempts < 0) {
            throw new IllegalArgumentException("maxReconnectAttempts must not be negative");
        }
        if (maxEventSize <= 0) {
            throw new IllegalArgumentException("maxEventSize must be positive");
        }
    }
}
