/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import io.vertx.core.http.HttpServerRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What is known of a request when it arrives; completed with its answer. */
final class RecordedRequestDraft {

    private final Instant receivedAt = Instant.now();
    private final Vendor vendor;
    private final String method;
    private final String uri;
    private final String path;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    RecordedRequestDraft(HttpServerRequest req, Vendor vendor) {
        this.vendor = vendor;
        this.method = req.method().name();
        this.uri = req.uri();
        this.path = req.path();
        Map<String, String> names = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : req.headers()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            String name = names.computeIfAbsent(key, k -> e.getKey());
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(e.getValue());
        }
        headers.replaceAll((k, v) -> List.copyOf(v));
    }

    RecordedRequest finish(int number, int status, List<Fault> faults) {
        return new RecordedRequest(number, receivedAt, vendor, method, uri, path, headers, status, faults);
    }
}
