/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import org.apache.camel.CamelException;

/**
 * A stream failed for a reason that is not an HTTP status: reconnect attempts used up after network errors, or a
 * redirect that cannot be followed safely.
 */
public class SseStreamException extends CamelException {

    private static final long serialVersionUID = 1L;

    public SseStreamException(String message) {
        super(message);
    }

    public SseStreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
