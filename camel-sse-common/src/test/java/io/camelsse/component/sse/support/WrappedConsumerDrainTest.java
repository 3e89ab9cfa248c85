/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WrappedConsumerDrainTest {

    @Test
    @Timeout(30)
    void closesEveryGateThenReturnsOnceTheDeliveryInFlightHasEnded() throws Exception {
        WrappedConsumerDrain drain = new WrappedConsumerDrain(Duration.ofSeconds(20));
        InFlightDeliveries busy = new InFlightDeliveries();
        InFlightDeliveries idle = new InFlightDeliveries();
        busy.open(drain);
        idle.open(drain);
        assertThat(busy.tryBegin()).isTrue();

        Thread stopping = new Thread(() -> drain.onContextStopping(null), "context-stopping");
        stopping.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !busy.tryBegin() && !idle.tryBegin());
        assertThat(stopping.isAlive()).as("waits for the delivery in flight").isTrue();

        busy.end();
        stopping.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(stopping.isAlive()).isFalse();
    }

    @Test
    @Timeout(30)
    void waitsAtMostOnceTheLimitForAllStuckDeliveries() {
        WrappedConsumerDrain drain = new WrappedConsumerDrain(Duration.ofSeconds(1));
        for (int i = 0; i < 60; i++) {
            InFlightDeliveries stuck = new InFlightDeliveries();
            stuck.open(drain);
            assertThat(stuck.tryBegin()).isTrue();
        }
        // sixty stuck consumers waited for one after the other would take a minute, beyond the test's timeout
        drain.onContextStopping(null);
    }

    @Test
    void aStoppedConsumerIsNoLongerDrained() throws Exception {
        WrappedConsumerDrain drain = new WrappedConsumerDrain(Duration.ofSeconds(2));
        InFlightDeliveries stopped = new InFlightDeliveries();
        stopped.open(drain);
        assertThat(stopped.closeAndAwaitNone(Duration.ofSeconds(1))).isTrue();

        stopped.open(null);
        assertThat(stopped.tryBegin()).isTrue();
        // a stuck delivery of a consumer the drain no longer knows does not hold up the stop
        drain.onContextStopping(null);
        assertThat(stopped.tryBegin()).as("its gate is its own business again").isTrue();
    }
}
