/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The reset before each test gives the test a simulator that listens, whatever the test before it left behind. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SseSimulatorExtensionResetTest {

    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension();

    @Test
    @Order(1)
    void aTestThatStopsListeningAndEndsBeforeItListensAgain(SseSimulator sim) {
        sim.stopListening();
        assertThat(sim.isListening()).isFalse();
    }

    @Test
    @Order(2)
    void theNextTestGetsASimulatorThatListens(SseSimulator sim) {
        assertThat(sim.isListening()).isTrue();
        try (TestStream stream = TestStream.predicate(sim, sim.predicate().createSession())) {
            assertThat(stream.status()).isEqualTo(200);
        }
    }
}
