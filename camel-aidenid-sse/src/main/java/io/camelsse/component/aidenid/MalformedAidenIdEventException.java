/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import org.apache.camel.CamelException;

/**
 * An event's payload could not be read: not JSON, not a JSON object, or a field of the wrong kind. The exchange of
 * that event carries this exception to the route's error handler; the stream goes on with the next event.
 * <p>
 * The message names the event and the problem, never the payload itself.
 */
public class MalformedAidenIdEventException extends CamelException {

    private static final long serialVersionUID = 1L;

    private final String eventId;
    private final String eventType;

    public MalformedAidenIdEventException(String eventId, String eventType, String problem, Throwable cause) {
        super("Event '" + eventId + "' of type '" + eventType + "' has a malformed payload: " + problem, cause);
        this.eventId = eventId;
        this.eventType = eventType;
    }

    /** The ID of the event that could not be read; may be empty. */
    public String getEventId() {
        return eventId;
    }

    /** The type of the event that could not be read. */
    public String getEventType() {
        return eventType;
    }
}
