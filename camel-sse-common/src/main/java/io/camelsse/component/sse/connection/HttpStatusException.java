/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server answered with a status that ends an attempt (an error, a redirect that cannot be followed, or a 2xx that
 * is not an event stream): the status, its text, the response headers and the start of the body, as received. Its
 * stack trace is not filled in: it is an answer from a server, and where the engine noticed it says nothing.
 */
public class HttpStatusException extends SseStreamException {

    private static final long serialVersionUID = 1L;

    private final String uri;
    private final int statusCode;
    private final String statusText;
    private final String location;
    private final Map<String, String> headers;
    private final String body;

    /**
     * @param uri     the stream URL with its secrets masked
     * @param headers the response headers, each name with its values joined by {@code ", "}
     */
    public HttpStatusException(String uri, int statusCode, String statusText, String location,
                               Map<String, String> headers, String body) {
        super("The server answered " + statusCode + " " + statusText + " for " + uri);
        this.uri = uri;
        this.statusCode = statusCode;
        this.statusText = statusText;
        this.location = location;
        this.headers = Map.copyOf(headers);
        this.body = body;
    }

    /** The answer as received, its body already cut to what {@link BoundedBodySubscriber} keeps. */
    static HttpStatusException of(String uri, HttpResponse<String> response) {
        int status = response.statusCode();
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        String location = response.headers().firstValue("Location").orElse(null);
        return new HttpStatusException(uri, status, ResponseKind.reasonPhrase(status), location, headers,
                response.body() == null ? "" : response.body());
    }

    public String uri() {
        return uri;
    }

    public int statusCode() {
        return statusCode;
    }

    public String statusText() {
        return statusText;
    }

    /** The {@code Location} header, or null. */
    public String location() {
        return location;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The start of the response body (at most 8 KiB), or an empty string. */
    public String body() {
        return body;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
