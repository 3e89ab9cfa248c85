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
    CURRENT(List.of(PredicateStatus.PENDING, PredicateStatus.SUBMITTED, PredicateStatus.COMPLETED,
            PredicateStatus.REJECTED, PredicateStatus.RETRY),
            List.of(PredicateStatus.PENDING, PredicateStatus.SUBMITTED, PredicateStatus.COMPLETED)),
    /** The earlier generation: pending, in_progress, completed, failed. */
    EARLIER(List.of(PredicateStatus.PENDING, PredicateStatus.IN_PROGRESS, PredicateStatus.COMPLETED,
            PredicateStatus.FAILED),
            List.of(PredicateStatus.PENDING, PredicateStatus.IN_PROGRESS, PredicateStatus.COMPLETED));

    private final List<PredicateStatus> statuses;
    private final List<PredicateStatus> happyPath;

    Generation(List<PredicateStatus> statuses, List<PredicateStatus> happyPath) {
        this.statuses = statuses;
        this.happyPath = happyPath;
    }

    /** Every status this generation sends. */
    public List<PredicateStatus> statuses() {
        return statuses;
    }

    /** The statuses of a successful verification, in order, ending with {@code completed}. */
    public List<PredicateStatus> happyPath() {
        return happyPath;
    }

    /** True when this generation knows the status. */
    public boolean supports(PredicateStatus status) {
        return statuses.contains(status);
    }
}
