/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WriteCoalescingTest {

    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension(b -> b.eventLoops(1)
            .writeCoalescing(Duration.ofSeconds(1)));

    @Test
    void eventsWithinTheWindowGoOutInOneWrite(SseSimulator sim) {
        try (TestStream stream = TestStream.aidenId(sim)) {
            await().until(() -> sim.stats().openStreams() == 1);
            sim.aidenId().publishIdentityCreated("ident_1");
            stream.awaitEvents(1);
            sim.aidenId().publishInboundReceived("ident_1");
            sim.aidenId().publishExtractionCompleted("ident_1");
            assertThat(stream.awaitEvents(3)).extracting(TestStream.Event::id)
                    .containsExactly("evt_000001", "evt_000002", "evt_000003");
            // one chunk for the first event, one for the two published within the window
            assertThat(stream.chunkSizes()).hasSize(2);
        }
    }
}
