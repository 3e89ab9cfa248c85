/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

/**
 * The names of the headers every SSE component sets, in one place. Each component's Constants class
 * ({@code SseConstants}, {@code PredicateSseConstants}, {@code AidenIdSseConstants}) declares them again with its own
 * description, which is what its documentation and Camel's catalog show.
 */
public final class SseCommonConstants {

    /** The event type, {@code message} when the stream names none. */
    public static final String EVENT_TYPE = "CamelSseEventType";

    /** The last event ID in force for the event; may be empty. */
    public static final String EVENT_ID = "CamelSseEventId";

    private SseCommonConstants() {
    }
}
