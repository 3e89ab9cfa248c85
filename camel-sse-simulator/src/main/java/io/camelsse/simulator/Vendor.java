/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

/** The vendor API a request was addressed to. */
public enum Vendor {
    /** Predicate session status: {@code GET /api/v1/status/realtime/{type}/{sessionId}}. */
    PREDICATE,
    /** AidenID project events: {@code GET /v1/realtime/stream}. */
    AIDENID
}
