/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request the simulator received on a vendor path (or any other path except the admin API), as
 * received. Header names keep the case the client sent; {@link #header(String)} looks them up without
 * regard to case.
 *
 * @param number     1-based position among the requests recorded since the last reset
 * @param receivedAt when it arrived
 * @param vendor     the vendor API addressed, or null for a path of neither
 * @param method     HTTP method, e.g. {@code GET}
 * @param uri        path and query as sent
 * @param path       path only
 * @param headers    every header in arrival order, each name with all its values
 * @param status     the status code the simulator answered with
 * @param faults     the faults applied to this connection (empty when none)
 */
public record RecordedRequest(int number, Instant receivedAt, Vendor vendor, String method, String uri,
        String path, Map<String, List<String>> headers, int status, List<Fault> faults) {

    public RecordedRequest {
        headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
        faults = List.copyOf(faults);
    }

    /** The first value of a header (name compared without case), or null when absent. */
    public String header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** All values of a header (name compared without case). */
    public List<String> headers(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return List.of();
    }

    /**
     * The {@code Last-Event-ID} header decoded as UTF-8 (as the SSE standard sends it), or null.
     * {@link #header(String)} gives header values as the HTTP layer reads them: one character per byte.
     */
    public String lastEventId() {
        return headerUtf8("Last-Event-ID");
    }

    /** The first value of a header with its bytes decoded as UTF-8, or null when absent. */
    public String headerUtf8(String name) {
        String value = header(name);
        return value == null ? null
                : new String(value.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), java.nio.charset.StandardCharsets.UTF_8);
    }
}
