/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.time.Instant;
import java.util.Map;

import io.camelsse.component.sse.connection.EventIds;
import io.camelsse.component.sse.connection.ReconnectCause;
import io.camelsse.component.sse.connection.StreamCounters;
import io.camelsse.component.sse.connection.StreamState;
import io.camelsse.component.sse.connection.StreamStatus;

/**
 * One stream as the dev console, JMX and the docs show it: where it is and what it did. Metrics read the same
 * {@link StreamStatus} and {@link StreamCounters}, so all three agree. Holds no secret: the URL is masked as in log
 * lines and health details, and the last event ID is in its display form.
 *
 * @param routeId           the route of the consumer
 * @param component         the component's scheme, such as {@code sse}
 * @param url               the stream URL with secrets masked; null before the first start
 * @param state             where the stream is; NEW before the first start
 * @param lastEventId       the last event ID in force, as it may be shown; empty when none
 * @param reconnects        reconnects of every cause since the consumer was created
 * @param lastError         the last failure in words; null when none yet
 * @param connectedSince    when the open connection was established; null while not connected
 * @param lastEventAt       when the last event was handed to the route; null before the first
 * @param eventsDelivered   events handed to the route
 * @param bytesRead         bytes of event-stream bodies read
 * @param permanentFailures times the stream gave up for good
 * @param reconnectsByCause reconnects per cause, every cause present
 * @param sessions          sessions by state for a consumer of many streams ({@code predicate-sse:watch}); empty
 *                          otherwise
 */
public record StreamSnapshot(
        String routeId,
        String component,
        String url,
        StreamState state,
        String lastEventId,
        long reconnects,
        String lastError,
        Instant connectedSince,
        Instant lastEventAt,
        long eventsDelivered,
        long bytesRead,
        long permanentFailures,
        Map<ReconnectCause, Long> reconnectsByCause,
        Map<String, Long> sessions) {

    public StreamSnapshot {
        reconnectsByCause = Map.copyOf(reconnectsByCause);
        sessions = Map.copyOf(sessions);
    }

    /** The snapshot of one stream; {@code status} is null before the stream's first start. */
    public static StreamSnapshot of(String routeId, String component, String url, StreamStatus status,
                                    StreamCounters counters) {
        return of(routeId, component, url, status, counters, Map.of());
    }

    /** The snapshot of a consumer of many streams: the state is the consumer's, the counts those of all its streams. */
    public static StreamSnapshot of(String routeId, String component, String url, StreamStatus status,
                                    StreamCounters counters, Map<String, Long> sessions) {
        StreamState state = status == null ? StreamState.NEW : status.state();
        return new StreamSnapshot(routeId, component, url, state,
                status == null ? "" : EventIds.forDisplay(status.lastEventId()), counters.reconnects(),
                status == null ? null : status.lastError(),
                state == StreamState.CONNECTED ? status.lastConnected() : null, counters.lastEventAt(),
                counters.eventsDelivered(), counters.bytesRead(), counters.permanentFailures(),
                counters.reconnectsByCause(), sessions);
    }
}
