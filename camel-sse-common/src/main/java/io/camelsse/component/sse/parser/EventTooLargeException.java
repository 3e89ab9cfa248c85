/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.parser;

import java.io.IOException;

/**
 * The stream sent an event larger than the parser accepts. The event is not delivered, not even
 * in part; the stream cannot be read any further and should be closed (and, usually, reconnected).
 *
 * @see EventStreamParser#EventStreamParser(EventStreamListener, int)
 */
public final class EventTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int maxEventSize;
    private final String droppedEventId;

    /**
     * @param maxEventSize   the limit that was exceeded, in bytes
     * @param droppedEventId the ID the dropped event set itself, when its {@code id} line came before the limit was
     *                       reached; else null
     */
    public EventTooLargeException(int maxEventSize, String droppedEventId) {
        super("Event larger than maxEventSize (" + maxEventSize + " bytes)");
        this.maxEventSize = maxEventSize;
        this.droppedEventId = droppedEventId;
    }

    /** The limit that was exceeded, in bytes. */
    public int maxEventSize() {
        return maxEventSize;
    }

    /**
     * The ID the dropped event set itself, or null when none was read before the limit was reached. A server that
     * replays after {@code Last-Event-ID} sends the event again unless the stream resumes after this ID.
     */
    public String droppedEventId() {
        return droppedEventId;
    }
}
