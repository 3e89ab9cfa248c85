/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.time.Instant;

/**
 * A consistent snapshot of a stream, for health checks and monitoring. Holds no secret.
 *
 * @param state          where the stream is
 * @param lastEventId    the last event ID in force; empty when none
 * @param reconnectCount connection attempts made after the first one
 * @param lastConnected  when a stream was last established, or null
 * @param failure        the permanent failure when {@code state} is FAILED, otherwise the last transient error, or null
 * @param httpStatus     the HTTP status of {@code failure} when it had one, otherwise 0
 * @param nextAttemptAt  when the next connection attempt is due, while the state is RECONNECTING; otherwise null
 * @param lastError      the last failure in words, kept after the stream connects again; null when none yet
 * @param downSince      since when the stream has had no connection (its start, if it never connected); null while
 *                       connected and once the stream is over
 * @param failedAttempts connection attempts that failed since the stream last connected
 * @param endedByServer  true once the server ended the stream for good (204 No Content): the state is then CLOSED
 */
public record StreamStatus(
        StreamState state,
        String lastEventId,
        long reconnectCount,
        Instant lastConnected,
        Throwable failure,
        int httpStatus,
        Instant nextAttemptAt,
        String lastError,
        Instant downSince,
        int failedAttempts,
        boolean endedByServer) {
}
