/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.event;

import java.util.Objects;

/**
 * One dispatched event, as the WHATWG event-stream rules define it.
 *
 * @param type        the event type; {@code message} when the stream names none
 * @param data        the data lines joined with LF; may be empty, never null
 * @param lastEventId the last event ID in force when the event was dispatched; may be empty, never null
 * @param hasOwnId    true when the event's own block set the ID (an {@code id} field, even an empty one); false when
 *                    it inherited the ID from an earlier event, on this connection or before a reconnect. A server
 *                    that replays an event sends its {@code id} again, so only an event with an ID of its own can be
 *                    recognised as a replay.
 */
public record ServerSentEvent(String type, String data, String lastEventId, boolean hasOwnId) {

    public static final String DEFAULT_TYPE = "message";

    public ServerSentEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(lastEventId, "lastEventId");
    }

    /** An event whose origin is not known: its ID counts as its own. */
    public ServerSentEvent(String type, String data, String lastEventId) {
        this(type, data, lastEventId, true);
    }
}
