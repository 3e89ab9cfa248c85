/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.util.HashSet;
import java.util.Set;

/**
 * Remembers the IDs of the last events the route completed, so that an event a server sends again after a reconnect
 * is recognised as a replay. Bounded: the oldest ID is forgotten when a new one arrives and the window is full. Lookups
 * and insertions take constant time.
 * <p>
 * Only an event whose block has an {@code id} field of its own is asked about: one without inherits the ID of an
 * earlier event under the SSE rules (across a reconnect too), and a server that replays an event sends its ID again.
 */
final class ReplayFilter {

    private final int capacity;
    private final String[] ring;
    private final Set<String> seen;
    private int next;

    ReplayFilter(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.ring = new String[capacity];
        this.seen = new HashSet<>(capacity * 2);
    }

    /**
     * Says whether an event with this ID of its own was completed recently.
     *
     * @param id the event's ID; an empty one is never a replay
     */
    synchronized boolean isReplay(String id) {
        return !id.isEmpty() && seen.contains(id);
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
}
