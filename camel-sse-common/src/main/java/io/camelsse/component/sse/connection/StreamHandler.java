/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import io.camelsse.component.sse.event.ServerSentEvent;

/**
 * The owner of a stream: receives its events one at a time and hears of its failures.
 */
public interface StreamHandler {

    /**
     * Hands one event on. The stream delivers nothing else, and reads no further, until this one is done.
     *
     * @param  whenDoneAsync to run when processing finishes, but only if this method returned false
     * @return               true when the event was processed completely before returning
     */
    boolean deliver(ServerSentEvent event, Runnable whenDoneAsync);

    /** The stream gave up for good. Called once. */
    void onPermanentFailure(Exception failure);

    /** An error the user should hear of although the stream carries on, such as an event over the size limit. */
    void onRecoverableError(Exception error);

    /** The server said the stream is over (204 No Content): nothing further is requested. Called once. */
    default void onEndedByServer() {
    }

    /**
     * What went wrong, in words, for log lines and health details; an owner that knows the server's error answers
     * can say more than the status.
     *
     * @param failure the cause, or null when the server ended the stream itself
     */
    default String describe(Throwable failure) {
        return FailureDescription.of(failure);
    }
}
