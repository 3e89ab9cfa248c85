/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.parser;

import io.camelsse.component.sse.event.ServerSentEvent;

/**
 * Receives what an {@link EventStreamParser} finds, synchronously and in stream order.
 */
public interface EventStreamListener {

    void onEvent(ServerSentEvent event);

    /** A {@code retry:} field made only of ASCII digits. */
    default void onRetry(long reconnectionTimeMillis) {
    }

    /** A comment line, without its leading colon. Keep-alives arrive here. */
    default void onComment(String comment) {
    }
}
