/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

/** Where a stream is in its life. */
public enum StreamState {
    /** Not started yet. */
    NEW,
    /** A request is on its way; no response yet. */
    CONNECTING,
    /** Receiving the event stream. */
    CONNECTED,
    /** Waiting out a backoff delay before the next attempt. */
    RECONNECTING,
    /** The server ended the stream for good (204), or the owner closed it after a final event. */
    CLOSED,
    /** A permanent failure: no further requests until restarted. */
    FAILED,
    /** Stopped by its owner. */
    STOPPED;

    /** True once the stream will make no further request: closed, failed or stopped. */
    public boolean isOver() {
        return this == CLOSED || this == FAILED || this == STOPPED;
    }
}
