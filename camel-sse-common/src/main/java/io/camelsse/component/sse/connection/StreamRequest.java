/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to ask for: the stream URL and the headers to send on every connection. {@code Accept}, {@code Cache-Control}
 * and {@code Last-Event-ID} are added by the stream itself.
 * <p>
 * Every configured header is treated as a credential: a user-chosen header is as likely to carry a key
 * ({@code X-Api-Key}, {@code X-Auth-Token}) as {@code Authorization} is, and no list of names can tell which. So each
 * is sent only to the origin (scheme, host and port) of {@link #uri()}, never across a redirect to another origin,
 * and no value ever appears in {@link #toString()}, which shows the URL as {@link DisplayUri} does.
 */
public final class StreamRequest {

    // the JDK client refuses these (java.net.http's restricted headers): refused here, when the endpoint is created
    private static final Set<String> SET_BY_THE_CLIENT = Set.of("connection", "content-length", "expect", "host",
            "upgrade");

    private final URI uri;
    private final Map<String, List<String>> headers;
    private final Set<String> headerNames;

    private StreamRequest(URI uri, Map<String, List<String>> headers, Set<String> headerNames) {
        this.uri = uri;
        this.headers = headers;
        this.headerNames = headerNames;
    }

    public static Builder to(URI uri) {
        return new Builder(uri);
    }

    public URI uri() {
        return uri;
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    /** True for every configured header: it stays with the origin of {@link #uri()}. */
    public boolean isCredential(String headerName) {
        return headerNames.contains(headerName.toLowerCase(Locale.ROOT));
    }

    /** The URL as log lines show it: the user info and secret query parameters of a URL are secrets too. */
    @Override
    public String toString() {
        return "StreamRequest[" + DisplayUri.of(uri) + ", headers=" + headers.keySet() + "]";
    }

    public static final class Builder {
        private final URI uri;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private final Set<String> headerNames = new TreeSet<>();

        private Builder(URI uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
        }

        /**
         * Adds a header value, after checking the name is a token and the value is printable ASCII. Like every
         * configured header, it is kept to the stream's own origin.
         */
        public Builder header(String name, String value) {
            HeaderValues.requireToken("Header name", name);
            if (SET_BY_THE_CLIENT.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Header " + name + " is set by the HTTP client and cannot be"
                                                   + " configured");
            }
            HeaderValues.requireNoControlCharacters("Header " + name, Objects.requireNonNull(value, name));
            // the JDK client sends anything else as '?', or refuses it with the value in its message: a value may
            // be a secret, so it is refused here, by name only
            if (!HeaderValues.isSendableAsIs(value)) {
                throw new IllegalArgumentException("Header " + name + " must be printable ASCII");
            }
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            headerNames.add(name.toLowerCase(Locale.ROOT));
            return this;
        }

        /** The same as {@link #header}; says at the call site that the value is a credential by nature. */
        public Builder credential(String name, String value) {
            return header(name, value);
        }

        public StreamRequest build() {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return new StreamRequest(uri, Collections.unmodifiableMap(copy), Set.copyOf(headerNames));
        }
    }
}
