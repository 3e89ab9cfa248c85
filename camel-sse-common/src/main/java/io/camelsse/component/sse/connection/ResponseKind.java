/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.net.http.HttpHeaders;
import java.util.Locale;

/**
 * What a response status and content type mean for a stream, as the components' docs promise it (the table of answers
 * in docs/sse-component.adoc).
 */
enum ResponseKind {
    /** 200 with {@code text/event-stream}: read the events. */
    EVENT_STREAM,
    /** 204: the server says the stream is over. */
    END_OF_STREAM,
    /** 301, 302, 303, 307, 308: follow {@code Location}. */
    REDIRECT,
    /** 408, 429, 5xx: try again later. */
    TRANSIENT,
    /** Everything else: give up until restarted. */
    PERMANENT;

    static ResponseKind of(int status, HttpHeaders headers) {
        if (status == 200) {
            return isEventStream(headers) ? EVENT_STREAM : PERMANENT;
        }
        if (status == 204) {
            return END_OF_STREAM;
        }
        if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
            return REDIRECT;
        }
        if (status == 408 || status == 429 || status >= 500 && status <= 599) {
            return TRANSIENT;
        }
        return PERMANENT;
    }

    /** {@code text/event-stream}, in any case, with any parameters. */
    static boolean isEventStream(HttpHeaders headers) {
        return headers.firstValue("Content-Type")
                .map(value -> value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                .filter("text/event-stream"::equals)
                .isPresent();
    }

    /** The reason phrase to report: HTTP/2 has none on the wire, and the JDK client exposes none for HTTP/1.1. */
    static String reasonPhrase(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 408 -> "Request Timeout";
            case 410 -> "Gone";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }
}
