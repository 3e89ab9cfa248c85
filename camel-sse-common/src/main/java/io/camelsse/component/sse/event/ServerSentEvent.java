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
 */
public record ServerSentEvent(String type, String data, String lastEventId) {

    public static final String DEFAULT_TYPE = "message";

    public ServerSentEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(lastEventId, "lastEventId");
    }
}
