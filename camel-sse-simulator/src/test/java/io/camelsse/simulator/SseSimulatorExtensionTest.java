/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SseSimulatorExtensionTest {

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class StaticField {

        @RegisterExtension
        static final SseSimulatorExtension SIM = new SseSimulatorExtension(b -> b.keepAliveInterval(Duration.ofMillis(250)));

        static SseSimulator fromBeforeAll;
        static int port;

        @BeforeAll
        static void beforeAll(SseSimulator sim) {
            fromBeforeAll = sim;
            port = sim.port();
            assertThat(sim.isRunning()).isTrue();
        }

        @BeforeEach
        void beforeEach(SseSimulator sim) {
            assertThat(sim).isSameAs(fromBeforeAll);
            assertThat(sim.predicate().sessions()).as("reset before @BeforeEach").isEmpty();
        }

        @Test
        @Order(1)
        void firstTestLeavesStateBehind(SseSimulator sim) {
            assertThat(sim.baseUrl()).isEqualTo("http://127.0.0.1:" + port).isEqualTo(SIM.baseUrl());
            assertThat(sim.keepAliveInterval()).isEqualTo(Duration.ofMillis(250));
            sim.predicate().createSession();
            sim.aidenId().publishIdentityCreated("ident_1");
            sim.faults().always(Fault.status(500));
            sim.keepAliveInterval(Duration.ofSeconds(1));
            TestStream.get(sim.aidenIdStreamUrl());
        }

        @Test
        @Order(2)
        void secondTestStartsClean(SseSimulator sim) {
            assertThat(sim.port()).isEqualTo(port);
            assertThat(sim.predicate().sessions()).isEmpty();
            assertThat(sim.aidenId().events()).isEmpty();
            assertThat(sim.requests()).isEmpty();
            assertThat(sim.stats().connections()).isZero();
            assertThat(sim.keepAliveInterval()).isEqualTo(Duration.ofMillis(250));
            try (TestStream s = TestStream.aidenId(sim)) {
                assertThat(s.status()).as("the permanent fault is gone").isEqualTo(200);
            }
        }
    }

    @Nested
    class InstanceField {

        static SseSimulator previous;

        @RegisterExtension
        final SseSimulatorExtension sim = new SseSimulatorExtension();

        @Test
        void aFreshSimulatorPerTest() {
            checkFresh();
        }

        @Test
        void anotherFreshSimulator() {
            checkFresh();
        }

        private void checkFresh() {
            assertThat(sim.simulator().isRunning()).isTrue();
            assertThat(sim.predicate().sessions()).isEmpty();
            assertThat(sim.simulator()).isNotSameAs(previous);
            if (previous != null) {
                assertThat(previous.isRunning()).as("the previous test's simulator was closed").isFalse();
            }
            previous = sim.simulator();
        }
    }

    @Nested
    @ExtendWith(SseSimulatorExtension.class)
    class WithExtendWith {

        @Test
        void parameterIsInjected(SseSimulator sim) {
            assertThat(sim.isRunning()).isTrue();
            assertThat(sim.port()).isPositive();
        }
    }

    @Test
    void closedSimulatorRefusesUse() {
        SseSimulator sim = SseSimulator.builder().build();
        assertThatThrownBy(sim::port).isInstanceOf(IllegalStateException.class);
        sim.start();
        int port = sim.port();
        assertThat(port).isPositive();
        sim.close();
        sim.close();
        assertThat(sim.isRunning()).isFalse();
        assertThatThrownBy(sim::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
