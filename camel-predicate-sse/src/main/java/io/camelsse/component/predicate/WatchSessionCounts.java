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
 * @param latestDown   the latest time a session lost (or never had) its connection; null when none is down
 * @param lastError    the last failure of a session that is not connected, in words; null when none
 */
record WatchSessionCounts(int sessions, int connecting, int open, int reconnecting, long failed, Instant latestDown,
                          String lastError) {

    static WatchSessionCounts of(PredicateWatchConsumer consumer) {
        int connecting = 0;
        int open = 0;
        int reconnecting = 0;
        int sessions = 0;
        Instant latestDown = null;
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
            if (status.downSince() != null && (latestDown == null || status.downSince().isAfter(latestDown))) {
                latestDown = status.downSince();
                lastError = status.lastError();
            }
        }
        return new WatchSessionCounts(sessions, connecting, open, reconnecting, consumer.failedSessions(), latestDown,
                lastError);
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
