/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;

/** A consumer's exception handler for tests: keeps every exception the consumer reports, in the given list. */
public final class RecordingExceptionHandler implements ExceptionHandler {

    private final List<Throwable> reported;

    /** @param reported where each reported exception is added; a list safe for several threads */
    public RecordingExceptionHandler(List<Throwable> reported) {
        this.reported = reported;
    }

    @Override
    public void handleException(Throwable exception) {
        reported.add(exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        reported.add(exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        reported.add(exception);
    }
}
