/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.management;

import java.time.Instant;

import io.camelsse.component.sse.connection.StreamState;
import io.camelsse.component.sse.support.ObservedConsumer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;

/**
 * What JMX shows of an SSE consumer, beside Camel's own consumer attributes. Camel reads the annotations of the
 * interfaces a {@code @ManagedResource} consumer implements, so a consumer gets all of this by implementing it.
 * <p>
 * Camel's {@code State} attribute is the consumer's service state, which stays {@code Started} while the route runs
 * whatever its stream does; {@code StreamState} is the stream's, and says {@code FAILED} after a permanent failure.
 */
public interface ManagedSseConsumer extends ObservedConsumer {

    @ManagedAttribute(description = "Where the stream is: NEW, CONNECTING, CONNECTED, RECONNECTING, CLOSED, FAILED"
                                    + " (a permanent failure: no further requests until reconnect or restart)"
                                    + " or STOPPED")
    default String getStreamState() {
        return streamSnapshot().state().name();
    }

    @ManagedAttribute(description = "Whether the stream gave up for good: FAILED until reconnect or restart")
    default boolean isPermanentlyFailed() {
        return streamSnapshot().state() == StreamState.FAILED;
    }

    @ManagedAttribute(description = "The stream URL, secrets masked")
    default String getStreamUrl() {
        return streamSnapshot().url();
    }

    @ManagedAttribute(description = "The last event ID in force, as it may be shown")
    default String getLastEventId() {
        return streamSnapshot().lastEventId();
    }

    @ManagedAttribute(description = "Reconnects of every cause since the consumer was created")
    default long getReconnects() {
        return streamSnapshot().reconnects();
    }

    @ManagedAttribute(description = "The last failure in words; empty when none yet")
    default String getLastError() {
        String error = streamSnapshot().lastError();
        return error == null ? "" : error;
    }

    @ManagedAttribute(description = "When the open connection was established (ISO-8601); empty while not connected")
    default String getConnectedSince() {
        return iso(streamSnapshot().connectedSince());
    }

    @ManagedAttribute(description = "When the last event was handed to the route (ISO-8601); empty before the first")
    default String getLastEventAt() {
        return iso(streamSnapshot().lastEventAt());
    }

    @ManagedAttribute(description = "Events handed to the route")
    default long getEventsDelivered() {
        return streamSnapshot().eventsDelivered();
    }

    @ManagedAttribute(description = "Bytes of event-stream bodies read from the server")
    default long getBytesRead() {
        return streamSnapshot().bytesRead();
    }

    @ManagedAttribute(description = "Times the stream gave up for good")
    default long getPermanentFailures() {
        return streamSnapshot().permanentFailures();
    }

    @Override
    @ManagedOperation(description = "Connects again at once, resuming after the last event ID; a stream that failed"
                                    + " for good or that the server closed starts anew, one its consumer closed"
                                    + " having what it wanted stays closed")
    void reconnect();

    private static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
