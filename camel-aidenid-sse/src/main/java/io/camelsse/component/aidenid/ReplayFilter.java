/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.util.HashSet;
import java.util.Set;

/**
 * Remembers the IDs of the last events seen, so that an event a server sends again after a reconnect is recognised
 * as a replay. Bounded: the oldest ID is forgotten when a new one arrives and the window is full. Lookups and
 * insertions take constant time.
 * <p>
 * Under the SSE rules an event without an {@code id} field inherits the previous event's ID. Such an event, seen
 * right after that previous event on the same connection, is therefore not a replay.
 */
final class ReplayFilter {

    private final int capacity;
    private final String[] ring;
    private final Set<String> seen;
    private int next;
    private String previousId;
    private long previousConnection = -1;

    ReplayFilter(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.ring = new String[capacity];
        this.seen = new HashSet<>(capacity * 2);
    }

    /**
     * Says whether the event is a replay of one recorded recently.
     *
     * @param  id         the last event ID in force for the event; an empty one is never a replay
     * @param  connection a number that changes when the stream reconnects
     * @return            true when the event was recorded before and is not merely inheriting the previous ID
     */
    synchronized boolean isReplay(String id, long connection) {
        if (id.isEmpty()) {
            return false;
        }
        boolean inherited = id.equals(previousId) && connection == previousConnection;
        previousId = id;
        previousConnection = connection;
        return !inherited && seen.contains(id);
    }

    /**
     * Remembers the ID of an event that the route is done with. Only those count: an event that Camel refused while
     * the route stopped must not be taken for a replay when it comes again.
     */
    synchronized void record(String id) {
        if (id.isEmpty() || !seen.add(id)) {
            return;
        }
        String evicted = ring[next];
        if (evicted != null) {
            seen.remove(evicted);
        }
        ring[next] = id;
        next = (next + 1) % capacity;
    }

    /** A new stream begins (the route started again): its first event inherits nothing. */
    synchronized void newStream() {
        previousId = null;
        previousConnection = -1;
    }
}
