/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

/**
 * A stream failed: reconnect attempts used up after network errors, a redirect that cannot be followed safely, a timer
 * that could not be scheduled; {@link HttpStatusException} when an HTTP answer was the cause. The engine's own type, so
 * that it depends on nothing but the JDK; the component layer reports it the Camel way.
 */
public class SseStreamException extends Exception {

    private static final long serialVersionUID = 1L;

    public SseStreamException(String message) {
        super(message);
    }

    public SseStreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
