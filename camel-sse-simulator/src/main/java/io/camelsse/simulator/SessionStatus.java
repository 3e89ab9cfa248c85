/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

/**
 * The session statuses of both Predicate generations. A session may also be given any other status
 * as a plain string (see {@link PredicateSession#status(String)}), for example to test how a client
 * copes with a status it does not know.
 */
public enum SessionStatus {
    PENDING("pending"),
    SUBMITTED("submitted"),
    IN_PROGRESS("in_progress"),
    RETRY("retry"),
    COMPLETED("completed"),
    REJECTED("rejected"),
    FAILED("failed");

    private final String wireName;

    SessionStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The status as it is written in the JSON payload, e.g. {@code in_progress}. */
    public String wireName() {
        return wireName;
    }

    /** True for {@code completed}, {@code rejected} and {@code failed}: the stream ends after them. */
    public boolean isTerminal() {
        return isTerminal(wireName);
    }

    /** True when the given status string is terminal ({@code completed}, {@code rejected}, {@code failed}). */
    public static boolean isTerminal(String status) {
        return "completed".equals(status) || "rejected".equals(status) || "failed".equals(status);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
