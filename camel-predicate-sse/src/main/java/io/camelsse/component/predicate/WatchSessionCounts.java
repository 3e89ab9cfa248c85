/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelsse.component.sse.connection.StreamState;
import io.camelsse.component.sse.connection.StreamStatus;

/**
 * The sessions of a watch consumer counted by state, as its health check, its metrics and the dev console show them.
 *
 * @param sessions     sessions whose stream has started
 * @param connecting   sessions waiting for their first answer
 * @param open         sessions with an open stream
 * @param reconnecting sessions waiting out a backoff delay
 * @param failed       sessions removed after a permanent failure since the consumer started
 * @param noConnectionSince since when no session of the watch has had a connection: the last time one lost it (or
 *                          was closed while it had one), but not before the earliest time a session now down lost its
 *                          connection or began to try; null while a session is connected, or when there is none
 * @param lastError    the last failure of a session that is not connected, in words; null when none
 */
record WatchSessionCounts(int sessions, int connecting, int open, int reconnecting, long failed,
                          Instant noConnectionSince, String lastError) {

    static WatchSessionCounts of(PredicateWatchConsumer consumer) {
        int connecting = 0;
        int open = 0;
        int reconnecting = 0;
        int sessions = 0;
        Instant latestDown = null;
        // a session added during an outage has tried only since it was added, but the watch has been down longer
        Instant lastConnectionLost = consumer.lastConnectionClosed();
        Instant earliestDown = null;
        String lastError = null;
        for (SessionStream session : consumer.sessions()) {
            StreamStatus status = session.status();
            if (status == null) {
                continue;
            }
            sessions++;
            switch (status.state()) {
                case NEW, CONNECTING -> connecting++;
                case CONNECTED -> open++;
                case RECONNECTING -> reconnecting++;
                default -> {
                }
            }
            Instant down = status.downSince();
            if (down == null) {
                continue;
            }
            if (latestDown == null || down.isAfter(latestDown)) {
                latestDown = down;
                lastError = status.lastError();
            }
            if (status.lastConnected() != null) {
                lastConnectionLost = later(lastConnectionLost, down);
            }
            if (earliestDown == null || down.isBefore(earliestDown)) {
                earliestDown = down;
            }
        }
        // the watch has had no connection since the last one ended, but counts no time in which it had no session
        Instant noConnectionSince = open > 0 || earliestDown == null ? null : later(lastConnectionLost, earliestDown);
        return new WatchSessionCounts(sessions, connecting, open, reconnecting, consumer.failedSessions(),
                noConnectionSince, lastError);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** Where the watch is as a whole: CONNECTED while any session is open. */
    StreamState state(boolean started) {
        if (!started) {
            return StreamState.STOPPED;
        }
        if (open > 0) {
            return StreamState.CONNECTED;
        }
        if (reconnecting > 0) {
            return StreamState.RECONNECTING;
        }
        return connecting > 0 ? StreamState.CONNECTING : StreamState.NEW;
    }

    /** By the states of {@code ObservedConsumer.SESSION_STATES}. */
    Map<String, Long> byState() {
        Map<String, Long> byState = new LinkedHashMap<>();
        byState.put("connecting", (long) connecting);
        byState.put("connected", (long) open);
        byState.put("reconnecting", (long) reconnecting);
        byState.put("failed", failed);
        return byState;
    }
}
