/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.util.concurrent.RejectedExecutionException;

import org.apache.camel.Exchange;

/**
 * What became of an event's exchange once the route is done with it. Only a completed exchange moves the stream's
 * position past its event.
 */
public enum ExchangeOutcome {

    /** Processed: successfully, or with an exception that the route's error handler handled. */
    COMPLETED,
    /** Failed with an exception that the error handler did not handle, or marked for rollback. */
    FAILED,
    /** Refused by Camel because the route or the context is stopping: the route never saw the event. */
    REJECTED;

    public static ExchangeOutcome of(Exchange exchange) {
        Throwable failure = exchange.getException();
        if (failure == null) {
            return exchange.isRollbackOnly() ? FAILED : COMPLETED;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RejectedExecutionException) {
                return REJECTED;
            }
        }
        return FAILED;
    }
}
