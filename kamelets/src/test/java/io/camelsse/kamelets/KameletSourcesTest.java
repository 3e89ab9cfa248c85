/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.kamelets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.camelsse.component.aidenid.AidenIdSseEndpoint;
import io.camelsse.component.predicate.PredicateSseConfiguration;
import io.camelsse.component.predicate.PredicateSseEndpoint;
import io.camelsse.component.sse.SseEndpoint;
import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.SseSimulatorExtension;
import io.camelsse.simulator.VerificationType;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.processor.state.MemoryStateRepository;
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

    @Test
    void predicateSourcePassesEveryTuningPropertyToTheEndpoint(SseSimulator sim) throws Exception {
        PredicateSession kyc = sim.predicate().createSession();
        SSLContextParameters tls = new SSLContextParameters();
        main = startMain(sim, "classpath:routes/predicate-kamelet-options-route.yaml");
        main.addInitialProperty("test.session-id", kyc.id());
        main.bind("streamTls", tls);
        main.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> kyc.openStreams() == 1);

        PredicateSseEndpoint endpoint = endpoint(PredicateSseEndpoint.class);
        PredicateSseConfiguration config = endpoint.getConfiguration();
        assertThat(config.getReadTimeout()).isEqualTo(45_000);
        assertThat(config.getReconnectDelay()).isEqualTo(250);
        assertThat(config.getMaxReconnectDelay()).isEqualTo(2_000);
        assertThat(config.getMaxReconnectAttempts()).isEqualTo(3);
        assertThat(config.getConnectTimeout()).isEqualTo(4_000);
        assertThat(config.getUnhealthyAfter()).isEqualTo(5_000);
        assertThat(config.getMaxEventSize()).isEqualTo(65_536);
        assertThat(config.isBreakOnFirstError()).isTrue();
        assertThat(config.isSkipUnchanged()).isFalse();
        assertThat(config.isCloseOnTerminal()).isFalse();
        assertThat(config.getSslContextParameters()).isSameAs(tls);
        assertThat(endpoint.isBridgeErrorHandler()).isTrue();

        // the server ends the stream after a final status; closeOnTerminal=false reconnects, and with
        // skipUnchanged=false the snapshot sent again on the new connection is delivered again
        kyc.complete();
        MockEndpoint statuses = mock("mock:kyc-tuned");
        await().atMost(Duration.ofSeconds(15)).until(() -> statuses.getReceivedExchanges().stream()
                .filter(e -> "completed".equals(e.getMessage().getHeader("CamelPredicateStatus"))).count() >= 2);
        assertThat(sim.stats().connections()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aidenIdSourceKeepsItsPositionInTheRepositoryItIsGiven(SseSimulator sim) throws Exception {
        MemoryStateRepository positions = new MemoryStateRepository();
        main = startMain(sim, "classpath:routes/aidenid-kamelet-position-route.yaml");
        main.bind("positions", positions);
        main.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> sim.stats().openStreams() == 1);

        AidenIdSseEndpoint endpoint = endpoint(AidenIdSseEndpoint.class);
        assertThat(endpoint.getConfiguration().getLastEventIdRepository()).isSameAs(positions);
        assertThat(endpoint.getConfiguration().getLastEventIdRepositoryKey()).isEqualTo("kamelet-test");
        assertThat(endpoint.getConfiguration().getReadTimeout()).isEqualTo(30_000);
        assertThat(endpoint.getConfiguration().getUnhealthyAfter()).isEqualTo(7_000);
        assertThat(endpoint.getConfiguration().getMaxReconnectAttempts()).isEqualTo(5);

        String first = sim.aidenId().publishIdentityCreated("ident_a1b2c3d4e5");
        String second = sim.aidenId().publishExtractionCompleted("ident_a1b2c3d4e5");
        MockEndpoint events = mock("mock:aidenid-positioned");
        await().atMost(Duration.ofSeconds(15)).until(() -> events.getReceivedCounter() >= 2);
        await().atMost(Duration.ofSeconds(15)).until(() -> second.equals(positions.getState("kamelet-test")));
        assertThat(first).isNotEqualTo(second);

        // the Kamelet's own route, restarted, resumes after the stored position: the next event only
        String kameletRoute = main.getCamelContext().getRoutes().stream()
                .filter(r -> r.getEndpoint() == endpoint).findFirst().orElseThrow().getRouteId();
        main.getCamelContext().getRouteController().stopRoute(kameletRoute);
        events.reset();
        String third = sim.aidenId().publishIdentityExpired("ident_a1b2c3d4e5");
        main.getCamelContext().getRouteController().startRoute(kameletRoute);
        await().atMost(Duration.ofSeconds(15)).until(() -> events.getReceivedCounter() >= 1);
        assertThat(sim.lastRequest().lastEventId()).isEqualTo(second);
        assertThat(events.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader("CamelSseEventId"))
                .containsExactly(third);
    }

    @Test
    void sseSourceSendsTheRequestHeadersWithTheirDashes(SseSimulator sim) throws Exception {
        main = startMain(sim, "classpath:routes/sse-kamelet-route.yaml");
        main.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> sim.stats().openStreams() == 1);

        // the AidenID stream of the simulator answers 401 or 403 unless all three headers arrive as named
        assertThat(sim.lastRequest().status()).isEqualTo(200);
        assertThat(sim.lastRequest().header("Authorization")).isEqualTo("Bearer " + SseSimulator.AIDENID_API_KEY);
        assertThat(sim.lastRequest().header("X-Org-Id")).isEqualTo(SseSimulator.AIDENID_ORG_ID);
        assertThat(sim.lastRequest().header("X-Project-Id")).isEqualTo(SseSimulator.AIDENID_PROJECT_ID);
        SseEndpoint endpoint = endpoint(SseEndpoint.class);
        assertThat(endpoint.getConfiguration().getReadTimeout()).isEqualTo(20_000);
        assertThat(endpoint.getConfiguration().getUnhealthyAfter()).isEqualTo(9_000);
        assertThat(endpoint.getEndpointUri()).doesNotContain(SseSimulator.AIDENID_API_KEY);

        String id = sim.aidenId().publishExtractionCompleted("ident_a1b2c3d4e5");
        MockEndpoint events = mock("mock:any-stream");
        await().atMost(Duration.ofSeconds(15)).until(() -> events.getReceivedCounter() >= 1);
        Exchange event = events.getReceivedExchanges().get(0);
        assertThat(event.getMessage().getHeader("CamelSseEventType")).isEqualTo("extraction.completed");
        assertThat(event.getMessage().getHeader("CamelSseEventId")).isEqualTo(id);
        assertThat(event.getMessage().getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(event.getMessage().getBody(String.class)).contains("\"identity_id\":\"ident_a1b2c3d4e5\"");
    }

    @Test
    void secretsAndIdsReachTheEndpointsAsWrittenWhateverCharactersTheyHold(SseSimulator sim) throws Exception {
        // each of & + % = means something in a URI: without care, the key would end at '&'
        String key = "ab+cd/ef==&x%41y";
        String id = "evt_1&n=2+3%";
        main = startMain(sim, "classpath:routes/special-characters-route.yaml");
        main.addInitialProperty("test.session-id", UUID.randomUUID().toString());
        main.addInitialProperty("test.special-key", key);
        main.addInitialProperty("test.special-id", id);
        main.start();

        assertThat(endpoint(PredicateSseEndpoint.class).getConfiguration().getApiKey()).isEqualTo(key);
        AidenIdSseEndpoint aidenId = endpoint(AidenIdSseEndpoint.class);
        assertThat(aidenId.getConfiguration().getApiKey()).isEqualTo(key);
        assertThat(aidenId.getConfiguration().getLastEventId()).isEqualTo(id);
        SseEndpoint sse = endpoint(SseEndpoint.class);
        assertThat(sse.getConfiguration().getRequestHeaders())
                .isEqualTo("Authorization: Bearer " + key + ", X-Org-Id: " + SseSimulator.AIDENID_ORG_ID);
        assertThat(sse.getConfiguration().getLastEventId()).isEqualTo(id);
        // Camel puts the query parameters of a URL in order; both must be there
        assertThat(sse.getConfiguration().getUrl()).startsWith(sim.baseUrl() + "/v1/realtime/stream?")
                .contains("topic=a", "format=json");
    }

    private <T extends Endpoint> T endpoint(Class<T> type) {
        List<T> endpoints = main.getCamelContext().getEndpoints().stream().filter(type::isInstance).map(type::cast)
                .toList();
        assertThat(endpoints).as("the Kamelet's %s", type.getSimpleName()).hasSize(1);
        return endpoints.get(0);
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
