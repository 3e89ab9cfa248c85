/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

/** A session in a watch set, with the last status delivered for it. */
final class WatchEntry {

    private final String sessionId;
    private final String verificationType;
    private volatile PredicateStatusEvent lastDelivered;

    WatchEntry(String sessionId, String verificationType, PredicateStatusEvent lastDelivered) {
        this.sessionId = sessionId;
        this.verificationType = verificationType;
        this.lastDelivered = lastDelivered;
    }

    /** The entry as a repository kept it; a last status that cannot be read counts as none. */
    static WatchEntry of(WatchedSession stored) {
        PredicateStatusEvent last = null;
        if (stored.lastDeliveredJson() != null) {
            try {
                last = PredicateStatusEventReader.read(stored.lastDeliveredJson(), stored.sessionId());
            } catch (MalformedPredicateEventException unreadable) {
                last = null;
            }
        }
        return new WatchEntry(stored.sessionId(), stored.verificationType(), last);
    }

    String sessionId() {
        return sessionId;
    }

    String verificationType() {
        return verificationType;
    }

    PredicateStatusEvent lastDelivered() {
        return lastDelivered;
    }

    void lastDelivered(PredicateStatusEvent status) {
        lastDelivered = status;
    }
}
