/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import java.util.List;

/**
 * What {@link PredicateSessions#advanceAll} did: the sessions that moved on one step, and those that had no
 * next status (e.g. already terminal) and were left as they were.
 */
public record BulkAdvance(List<PredicateSession> advanced, List<PredicateSession> notAdvanced) {

    public BulkAdvance {
        advanced = List.copyOf(advanced);
        notAdvanced = List.copyOf(notAdvanced);
    }
}
