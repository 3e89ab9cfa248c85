/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.time.Clock;
import java.util.List;

import io.camelsse.component.sse.connection.StreamCounters;

/**
 * A consumer whose stream (or streams) the dev console, Micrometer and JMX show. Every one of them reads the same
 * {@link StreamSnapshot} and {@link StreamCounters}.
 */
public interface ObservedConsumer {

    /** The session states a consumer of many streams counts (see {@link #hasSessions()}). */
    List<String> SESSION_STATES = List.of("connecting", "connected", "reconnecting", "failed");

    /** The ID of the consumer's route. */
    String getRouteId();

    /** The component's scheme, such as {@code sse}. */
    String componentName();

    /** The stream as it is now. */
    StreamSnapshot streamSnapshot();

    /** The counts of the consumer's streams; they only grow while the consumer exists. */
    StreamCounters streamCounters();

    /** Whether the consumer runs many streams, and counts them by state in {@link StreamSnapshot#sessions()}. */
    default boolean hasSessions() {
        return false;
    }

    /** Connects again at once: a stream that failed for good or was closed starts anew. */
    void reconnect();

    /** The clock the consumer's streams read their times from, such as when the last event came. */
    default Clock clock() {
        return Clock.systemUTC();
    }
}
