/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.kamelets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.SseSimulatorExtension;
import io.camelsse.simulator.VerificationType;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each Kamelet, used from a YAML route under Camel Main, against the simulator. */
class KameletSourcesTest {

    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension(b -> b.keepAliveInterval(Duration.ofMillis(500)));

    private Main main;

    @AfterEach
    void stopCamel() {
        if (main != null) {
            main.stop();
        }
    }

    @Test
    void predicateSourceDeliversEveryStatusAsJson(SseSimulator sim) throws Exception {
        PredicateSession kyc = sim.predicate().createSession();
        PredicateSession kyb = sim.predicate().createSession(VerificationType.BUSINESS);
        main = startMain(sim, "classpath:routes/predicate-kamelet-route.yaml");
        main.addInitialProperty("test.session-id", kyc.id());
        main.addInitialProperty("test.business-session-id", kyb.id());
        main.start();

        await().atMost(Duration.ofSeconds(15)).until(() -> kyc.openStreams() == 1 && kyb.openStreams() == 1);
        kyc.advance();
        kyc.complete();
        kyb.advance();
        kyb.reject();

        MockEndpoint statuses = mock("mock:kyc");
        await().atMost(Duration.ofSeconds(15)).until(() -> statuses.getReceivedCounter() >= 3);
        List<Exchange> received = statuses.getReceivedExchanges();
        assertThat(received).extracting(e -> e.getMessage().getHeader("CamelPredicateStatus"))
                .containsExactly("pending", "submitted", "completed");
        Exchange completed = received.get(2);
        assertThat(completed.getMessage().getBody()).isInstanceOf(String.class);
        assertThat(completed.getMessage().getBody(String.class))
                .contains("\"sessionId\":\"" + kyc.id() + "\"", "\"status\":\"completed\"");
        assertThat(completed.getMessage().getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(completed.getMessage().getHeader("CamelPredicateVerified", Boolean.class)).isTrue();

        // terminalOnly=true on the second route: only the outcome of the business session
        MockEndpoint outcome = mock("mock:kyb-outcome");
        await().atMost(Duration.ofSeconds(15)).until(() -> outcome.getReceivedCounter() >= 1);
        assertThat(outcome.getReceivedExchanges().get(0).getMessage().getHeader("CamelPredicateStatus"))
                .isEqualTo("rejected");
        assertThat(outcome.getReceivedExchanges().get(0).getMessage().getHeader("CamelPredicateVerified",
                Boolean.class)).isFalse();
    }

    @Test
    void aidenIdSourceDeliversTheChosenEventTypesAsJson(SseSimulator sim) throws Exception {
        main = startMain(sim, "classpath:routes/aidenid-kamelet-route.yaml");
        main.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> sim.stats().openStreams() == 1);

        sim.aidenId().publishIdentityCreated("ident_a1b2c3d4e5");
        sim.aidenId().publishInboundReceived("ident_a1b2c3d4e5");
        String extraction = sim.aidenId().publishExtractionCompleted("ident_a1b2c3d4e5");
        sim.aidenId().publishIdentityExpired("ident_a1b2c3d4e5");

        MockEndpoint events = mock("mock:aidenid");
        await().atMost(Duration.ofSeconds(15)).until(() -> events.getReceivedCounter() >= 2);
        List<Exchange> received = events.getReceivedExchanges();
        assertThat(received).extracting(e -> e.getMessage().getHeader("CamelSseEventType"))
                .containsExactly("inbound.received", "extraction.completed");
        Exchange otp = received.get(1);
        assertThat(otp.getMessage().getHeader("CamelSseEventId")).isEqualTo(extraction);
        assertThat(otp.getMessage().getHeader("CamelAidenIdIdentityId")).isEqualTo("ident_a1b2c3d4e5");
        assertThat(otp.getMessage().getBody()).isInstanceOf(String.class);
        assertThat(otp.getMessage().getBody(String.class)).contains("\"identity_id\":\"ident_a1b2c3d4e5\"",
                "\"type\":\"otp\"");
        assertThat(sim.lastRequest().header("X-Org-Id")).isEqualTo(SseSimulator.AIDENID_ORG_ID);
        assertThat(sim.lastRequest().header("X-Project-Id")).isEqualTo(SseSimulator.AIDENID_PROJECT_ID);
    }

    private static Main startMain(SseSimulator sim, String routes) {
        Main main = new Main();
        main.configure().withRoutesIncludePattern(routes);
        main.addInitialProperty("test.base-url", sim.baseUrl());
        main.addInitialProperty("test.predicate-api-key", SseSimulator.PREDICATE_API_KEY);
        main.addInitialProperty("test.aidenid-api-key", SseSimulator.AIDENID_API_KEY);
        main.addInitialProperty("test.org-id", SseSimulator.AIDENID_ORG_ID);
        main.addInitialProperty("test.project-id", SseSimulator.AIDENID_PROJECT_ID);
        return main;
    }

    private MockEndpoint mock(String uri) {
        return main.getCamelContext().getEndpoint(uri, MockEndpoint.class);
    }
}
