/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.javadsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.SseSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AidenIdEventsRouteTest {

    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension(b -> b.keepAliveInterval(Duration.ofMillis(500)));

    @Test
    void sendsEachEventTypeItsOwnWayAndLeavesOtherTypesOut(SseSimulator sim) throws Exception {
        IdentityInbox inbox = new IdentityInbox();
        CamelContext context = ExampleContext.start(sim, new AidenIdEventsRoute(inbox));
        NotifyBuilder routed = new NotifyBuilder(context).fromRoute("aidenid-events").whenExactlyDone(4).create();
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> sim.stats().openStreams() == 1);
            String identity = "ident_a1b2c3d4e5";
            sim.aidenId().publishIdentityCreated(identity);
            sim.aidenId().publishInboundReceived(identity, "noreply@github.com", "Your verification code");
            sim.aidenId().publish("project.updated", "{\"project_id\":\"proj_sim\"}");
            sim.aidenId().publishExtractionCompleted(identity);
            sim.aidenId().publishIdentityExpired(identity);

            await().atMost(Duration.ofSeconds(15)).until(() -> inbox.handled().size() == 4);
            assertThat(inbox.handled()).containsExactly(
                    "identity.created " + identity,
                    "email from noreply@github.com to " + identity,
                    "code otp for " + identity,
                    "identity.expired " + identity);
            // project.updated came before the last event: had it been let in, it would have been counted
            assertThat(routed.matches(15, TimeUnit.SECONDS)).isTrue();
        } finally {
            context.stop();
        }
    }
}
