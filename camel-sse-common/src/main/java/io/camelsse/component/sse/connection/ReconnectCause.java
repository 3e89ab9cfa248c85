/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.util.Locale;

/** Why a stream connects again: a few causes, so that a count per cause stays a short list. */
public enum ReconnectCause {
    /** No answer: connection refused, DNS, TLS, connect timeout. */
    CONNECT_FAILED,
    /** The server answered 408, 429 or 5xx. */
    HTTP_STATUS,
    /** The server ended the body without an error. */
    STREAM_ENDED,
    /** The connection broke while the stream was open. */
    STREAM_BROKEN,
    /** Nothing arrived for {@code readTimeout}. */
    READ_TIMEOUT,
    /** An event was over {@code maxEventSize}. */
    EVENT_TOO_LARGE,
    /** The owner asked for it: {@code breakOnFirstError}, or an operator. */
    REQUESTED;

    /** The cause as a metric tag value, such as {@code read_timeout}. */
    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
