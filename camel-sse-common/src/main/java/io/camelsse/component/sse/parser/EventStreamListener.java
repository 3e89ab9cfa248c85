/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.parser;

import io.camelsse.component.sse.event.ServerSentEvent;

/**
 * Receives what an {@link EventStreamParser} finds, synchronously and in stream order, on the
 * thread that feeds the parser. An exception thrown here propagates out of
 * {@link EventStreamParser#feed(byte[], int, int) feed}.
 */
public interface EventStreamListener {

    /**
     * An event was dispatched: a blank line ended a block that had at least one {@code data}
     * field.
     */
    void onEvent(ServerSentEvent event);

    /**
     * A {@code retry:} field made only of ASCII digits, reported when the field is read (not at
     * the next dispatch). A value too large for a {@code long} arrives as {@link Long#MAX_VALUE}.
     */
    default void onRetry(long reconnectionTimeMillis) {
    }

    /**
     * A comment line, without its leading colon (a space after the colon is kept). Keep-alives
     * arrive here.
     */
    default void onComment(String comment) {
    }
}
