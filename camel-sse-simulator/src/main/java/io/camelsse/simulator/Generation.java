/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import java.util.List;

/**
 * The two generations of the Predicate API. They differ in their statuses: the current one
 * ({@code api.identity.predicate.io}) uses {@code pending, submitted, completed, rejected, retry}, the
 * earlier one ({@code api.kyc.predicate.io}) {@code pending, in_progress, completed, failed}.
 */
public enum Generation {
    /** The current generation: pending, submitted, completed, rejected, retry. */
    CURRENT(List.of(SessionStatus.PENDING, SessionStatus.SUBMITTED, SessionStatus.COMPLETED,
            SessionStatus.REJECTED, SessionStatus.RETRY),
            List.of(SessionStatus.PENDING, SessionStatus.SUBMITTED, SessionStatus.COMPLETED)),
    /** The earlier generation: pending, in_progress, completed, failed. */
    EARLIER(List.of(SessionStatus.PENDING, SessionStatus.IN_PROGRESS, SessionStatus.COMPLETED,
            SessionStatus.FAILED),
            List.of(SessionStatus.PENDING, SessionStatus.IN_PROGRESS, SessionStatus.COMPLETED));

    private final List<SessionStatus> statuses;
    private final List<SessionStatus> happyPath;

    Generation(List<SessionStatus> statuses, List<SessionStatus> happyPath) {
        this.statuses = statuses;
        this.happyPath = happyPath;
    }

    /** Every status this generation sends. */
    public List<SessionStatus> statuses() {
        return statuses;
    }

    /** The statuses of a successful verification, in order, ending with {@code completed}. */
    public List<SessionStatus> happyPath() {
        return happyPath;
    }

    /** True when this generation knows the status. */
    public boolean supports(SessionStatus status) {
        return statuses.contains(status);
    }
}
