/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import io.camelsse.component.sse.connection.EventIds;

/**
 * Where one route is in the stream: the ID of the last event it completed, and the IDs it saw recently. Held by the
 * endpoint per route, because Camel creates a new consumer each time a route starts, and a restarted route should
 * resume where it was and still recognise what it delivered before.
 */
final class StreamPosition {

    private final ReplayFilter replays;
    private volatile String lastCompletedId = "";

    StreamPosition(int replayWindow) {
        this.replays = new ReplayFilter(replayWindow);
    }

    ReplayFilter replays() {
        return replays;
    }

    /**
     * The ID of the last event completed (or skipped by the type filter) that can be sent back as
     * {@code Last-Event-ID}; empty when none.
     */
    String lastCompletedId() {
        return lastCompletedId;
    }

    /**
     * The route is done with the event: a replay of it is recognised, and the position moves past it unless its ID
     * cannot be sent back, in which case a restart resumes after the event before it (and recognises this one).
     */
    void completed(String id) {
        replays.record(id);
        if (EventIds.isResumable(id)) {
            lastCompletedId = id;
        }
    }
}
