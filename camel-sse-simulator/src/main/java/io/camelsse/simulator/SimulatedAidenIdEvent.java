/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

/**
 * An event in the AidenID event log.
 *
 * @param id   its ID, e.g. {@code evt_000001}
 * @param type its type, e.g. {@code extraction.completed}
 * @param data its JSON payload as written in the {@code data:} field
 */
public record SimulatedAidenIdEvent(String id, String type, String data) {
}
