/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the request of each connection attempt of one stream: its configured headers, kept to the origin of the
 * stream URL (a redirect to another origin gets none of them), the headers every event stream asks with, and the last
 * event ID when it can be sent unchanged.
 */
final class RequestFactory {

    private static final Logger LOG = LoggerFactory.getLogger(RequestFactory.class);

    private final StreamRequest request;
    private final Duration readTimeout;
    private final String displayUri;
    private volatile boolean warnedUnsendableId;

    RequestFactory(StreamRequest request, Duration readTimeout, String displayUri) {
        this.request = request;
        this.readTimeout = readTimeout;
        this.displayUri = displayUri;
    }

    /**
     * @param  target                   the stream URL, or where a redirect leads
     * @param  lastEventId              the ID to resume after; empty for none
     * @throws IllegalArgumentException when the HTTP client refuses a configured header
     */
    HttpRequest requestTo(URI target, String lastEventId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).GET();
        if ("http".equalsIgnoreCase(target.getScheme())) {
            // no h2c upgrade dance on plain connections: HTTP/2 comes through TLS negotiation only
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        boolean sameOrigin = sameOrigin(request.uri(), target);
        request.headers().forEach((name, values) -> {
            if (sameOrigin || !request.isCredential(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        builder.setHeader("Accept", "text/event-stream");
        builder.setHeader("Cache-Control", "no-cache");
        if (!lastEventId.isEmpty()) {
            if (EventIds.isResumable(lastEventId)) {
                builder.setHeader("Last-Event-ID", lastEventId);
            } else if (!warnedUnsendableId) {
                // a corrupted or cut ID could resume at the wrong place; no ID at all is the honest request
                warnedUnsendableId = true;
                LOG.warn("Not sending Last-Event-ID to {}: {}; the stream resumes without it",
                        displayUri, EventIds.whyNotResumable(lastEventId));
            }
        }
        if (!readTimeout.isZero()) {
            // bounds the wait for the response head; the body has its own watchdog
            builder.timeout(readTimeout);
        }
        return builder.build();
    }

    static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(lower(a.getScheme()), lower(b.getScheme()))
               && Objects.equals(lower(a.getHost()), lower(b.getHost()))
               && effectivePort(a) == effectivePort(b);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
