/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import java.util.Locale;

/** The kind of Predicate verification session, as it appears in the stream path. */
public enum VerificationType {
    /** KYC, path segment {@code individual}. */
    INDIVIDUAL("individual"),
    /** KYB, path segment {@code business}. */
    BUSINESS("business");

    private final String pathSegment;

    VerificationType(String pathSegment) {
        this.pathSegment = pathSegment;
    }

    /** The segment used in {@code /api/v1/status/realtime/{type}/...}. */
    public String pathSegment() {
        return pathSegment;
    }

    /**
     * The type for a path segment ({@code individual} or {@code business}, case-insensitive).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static VerificationType fromPathSegment(String segment) {
        if (segment != null) {
            String s = segment.toLowerCase(Locale.ROOT);
            for (VerificationType t : values()) {
                if (t.pathSegment.equals(s)) {
                    return t;
                }
            }
        }
        throw new IllegalArgumentException("Unknown verification type: " + segment);
    }
}
