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

    public EventTooLargeException(int maxEventSize) {
        super("Event larger than maxEventSize (" + maxEventSize + " bytes)");
        this.maxEventSize = maxEventSize;
    }

    /** The limit that was exceeded, in bytes. */
    public int maxEventSize() {
        return maxEventSize;
    }
}
