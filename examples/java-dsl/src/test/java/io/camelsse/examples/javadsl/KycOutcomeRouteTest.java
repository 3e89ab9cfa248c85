/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.javadsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.SseSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KycOutcomeRouteTest {

    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension(b -> b.keepAliveInterval(Duration.ofMillis(500)));

    @Test
    void waitsForTheFinalStatusOfTheSession(SseSimulator sim) throws Exception {
        PredicateSession session = sim.predicate().createSession();
        CamelContext context = ExampleContext.start(sim, new KycOutcomeRoute(Duration.ofSeconds(30)));
        try (ProducerTemplate template = context.createProducerTemplate()) {
            CompletableFuture<Exchange> reply = template.asyncSend("direct:registration",
                    e -> e.getMessage().setHeader("sessionId", session.id()));
            await().atMost(Duration.ofSeconds(15)).until(() -> session.openStreams() == 1);
            session.advance();
            assertThat(reply).isNotDone();
            session.complete();

            Exchange done = reply.get(15, TimeUnit.SECONDS);
            assertThat(done.getMessage().getBody(String.class)).isEqualTo("approved");
            assertThat(done.getMessage().getHeader(KycOutcomeRoute.OUTCOME_HEADER)).isEqualTo("completed");
            assertThat(done.getMessage().getHeader("sessionId")).isEqualTo(session.id());
            await().atMost(Duration.ofSeconds(15)).until(() -> session.openStreams() == 0);
        } finally {
            context.stop();
        }
    }

    @Test
    void aRejectedSessionIsDeclined(SseSimulator sim) throws Exception {
        PredicateSession session = sim.predicate().createSession();
        session.reject();
        CamelContext context = ExampleContext.start(sim, new KycOutcomeRoute(Duration.ofSeconds(30)));
        try (ProducerTemplate template = context.createProducerTemplate()) {
            String outcome = template.requestBodyAndHeader("direct:registration", null, "sessionId", session.id(),
                    String.class);
            assertThat(outcome).isEqualTo("declined");
        } finally {
            context.stop();
        }
    }

    @Test
    void noFinalStatusWithinTheTimeoutIsATimeout(SseSimulator sim) throws Exception {
        PredicateSession session = sim.predicate().createSession();
        CamelContext context = ExampleContext.start(sim, new KycOutcomeRoute(Duration.ofMillis(1500)));
        try (ProducerTemplate template = context.createProducerTemplate()) {
            String outcome = template.requestBodyAndHeader("direct:registration", null, "sessionId", session.id(),
                    String.class);
            assertThat(outcome).isEqualTo("timeout");
            // the stream of the abandoned wait is closed, not left open
            await().atMost(Duration.ofSeconds(15)).until(() -> session.openStreams() == 0);
        } finally {
            context.stop();
        }
    }
}
