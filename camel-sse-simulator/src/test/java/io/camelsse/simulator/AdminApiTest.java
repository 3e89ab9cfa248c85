/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AdminApiTest {

    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension();

    private static HttpResponse<String> call(String method, String path, String body) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(SIM.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            return TestStream.CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void createAdvanceAndUpdateASession(SseSimulator sim) {
        HttpResponse<String> created = call("POST", "/_simulator/predicate/sessions",
                "{\"type\":\"business\",\"sessionId\":\"11111111-2222-3333-4444-555555555555\",\"generation\":\"earlier\","
                        + "\"unverifiedWallets\":[{\"id\":\"w1\",\"address\":\"0x1\",\"chain\":\"ethereum\"}]}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode json = Json.read(created.body());
        assertThat(json.get("url").asText()).isEqualTo(sim.baseUrl()
                + "/api/v1/status/realtime/business/11111111-2222-3333-4444-555555555555");
        PredicateSession s = sim.predicate().session("11111111-2222-3333-4444-555555555555");
        assertThat(s.generation()).isEqualTo(Generation.EARLIER);

        try (TestStream stream = TestStream.predicate(sim, s)) {
            stream.awaitEvents(1);
            assertThat(Json.read(call("POST", "/_simulator/predicate/sessions/" + s.id() + "/advance", null).body())
                    .get("status").asText()).isEqualTo("in_progress");
            HttpResponse<String> updated = call("POST", "/_simulator/predicate/sessions/" + s.id() + "/update",
                    "{\"status\":\"failed\",\"userId\":\"user-9\"}");
            assertThat(updated.statusCode()).isEqualTo(200);
            stream.awaitEnd();
            assertThat(stream.data()).hasSize(3);
            assertThat(stream.data().get(2)).contains("\"status\":\"failed\"", "\"userId\":\"user-9\"");
        }
        assertThat(call("GET", "/_simulator/predicate/sessions/nope", null).statusCode()).isEqualTo(404);
        assertThat(Json.read(call("GET", "/_simulator/predicate/sessions", null).body())).hasSize(1);
        assertThat(call("DELETE", "/_simulator/predicate/sessions/" + s.id(), null).statusCode()).isEqualTo(200);
        assertThat(sim.predicate().sessions()).isEmpty();
    }

    @Test
    void scriptedSessionFromJson(SseSimulator sim) {
        HttpResponse<String> created = call("POST", "/_simulator/predicate/sessions",
                "{\"script\":[{\"afterMs\":20,\"status\":\"submitted\"},{\"afterMs\":20,\"status\":\"rejected\"}]}");
        PredicateSession s = sim.predicate().session(Json.read(created.body()).get("sessionId").asText());
        try (TestStream stream = TestStream.predicate(sim, s)) {
            stream.awaitEnd();
            assertThat(stream.data()).hasSize(3);
        }
        assertThat(s.status()).isEqualTo("rejected");
    }

    @Test
    void publishEventsAndQueueFaults(SseSimulator sim) {
        try (TestStream stream = TestStream.aidenId(sim)) {
            await().until(() -> sim.stats().openStreams() == 1);
            HttpResponse<String> typed = call("POST", "/_simulator/aidenid/events/extraction.completed", "{\"identity_id\":\"ident_x\"}");
            assertThat(typed.statusCode()).isEqualTo(201);
            assertThat(Json.read(typed.body()).get("id").asText()).isEqualTo("evt_000001");
            HttpResponse<String> custom = call("POST", "/_simulator/aidenid/events", "{\"type\":\"custom.kind\",\"data\":{\"a\":1}}");
            assertThat(Json.read(custom.body()).get("id").asText()).isEqualTo("evt_000002");
            var events = stream.awaitEvents(2);
            assertThat(events.get(0).type()).isEqualTo("extraction.completed");
            assertThat(events.get(0).data()).contains("\"identity_id\":\"ident_x\"", "\"has_secret\":true");
            assertThat(events.get(1).data()).isEqualTo("{\"a\":1}");
        }
        assertThat(call("POST", "/_simulator/aidenid/events/custom.kind", null).statusCode()).isEqualTo(400);

        HttpResponse<String> queued = call("POST", "/_simulator/faults/next",
                "{\"vendor\":\"aidenid\",\"faults\":[{\"kind\":\"status\",\"code\":503,\"retryAfterSeconds\":4}]}");
        assertThat(Json.read(queued.body()).get("queued").asInt()).isEqualTo(1);
        HttpResponse<String> r = TestStream.get(sim.aidenIdStreamUrl(), "Authorization", "Bearer " + SseSimulator.AIDENID_API_KEY,
                "X-Org-Id", SseSimulator.AIDENID_ORG_ID, "X-Project-Id", SseSimulator.AIDENID_PROJECT_ID);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("4");
        assertThat(call("POST", "/_simulator/faults/next", "{\"faults\":[{\"kind\":\"bogus\"}]}").statusCode()).isEqualTo(400);
    }

    @Test
    void slowWritesFaultKind(SseSimulator sim) {
        assertThat(AdminApi.fault(Json.read("{\"kind\":\"slowWrites\",\"pieceBytes\":4,\"pauseMs\":30}")))
                .isEqualTo(new Fault.SlowWrites(4, Duration.ofMillis(30)));
        assertThat(AdminApi.fault(Json.read("{\"kind\":\"slowWrites\"}")))
                .isEqualTo(new Fault.SlowWrites(Fault.SLOW_WRITE_PIECE_BYTES, Duration.ofMillis(50)));
        HttpResponse<String> queued = call("POST", "/_simulator/faults/next",
                "{\"faults\":[{\"kind\":\"slowWrites\",\"pieceBytes\":8,\"pauseMs\":1}]}");
        assertThat(queued.statusCode()).isEqualTo(200);
        PredicateSession s = sim.predicate().newSession().status(SessionStatus.REJECTED).create();
        try (TestStream stream = TestStream.predicate(sim, s)) {
            stream.awaitEnd();
            assertThat(stream.ended()).isTrue();
            assertThat(stream.chunkSizes()).hasSizeGreaterThan(1).allMatch(size -> size <= 8);
        }
    }

    @Test
    void infoRequestsAndReset(SseSimulator sim) {
        sim.predicate().createSession();
        TestStream.get(sim.aidenIdStreamUrl());
        JsonNode info = Json.read(call("GET", "/_simulator", null).body());
        assertThat(info.get("baseUrl").asText()).isEqualTo(sim.baseUrl());
        assertThat(info.at("/predicate/apiKey").asText()).isEqualTo(SseSimulator.PREDICATE_API_KEY);
        assertThat(info.at("/aidenid/orgId").asText()).isEqualTo(SseSimulator.AIDENID_ORG_ID);
        assertThat(info.at("/predicate/sessions")).hasSize(1);
        JsonNode requests = Json.read(call("GET", "/_simulator/requests", null).body());
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).get("status").asInt()).isEqualTo(401);
        assertThat(call("POST", "/_simulator/reset", null).statusCode()).isEqualTo(200);
        await().until(() -> sim.predicate().sessions().isEmpty());
        assertThat(sim.requests()).isEmpty();
        assertThat(call("GET", "/_simulator/nothing", null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/_simulator/predicate/sessions", "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void standaloneDemoRunsByItselfAndBannerShowsTheKeys(SseSimulator sim) throws Exception {
        try (AutoCloseable demoRun = SimulatorMain.startDemo(sim, Duration.ofMillis(50))) {
            checkDemo(sim);
            sim.reset();
            assertThat(sim.predicate().find(SimulatorMain.DEMO_BUSINESS_SESSION)).as("demo sessions come back after a reset").isPresent();
        }
    }

    private static void checkDemo(SseSimulator sim) {
        PredicateSession demo = sim.predicate().session(SimulatorMain.DEMO_INDIVIDUAL_SESSION);
        for (int i = 0; i < 2; i++) {
            try (TestStream stream = TestStream.predicate(sim, demo)) {
                stream.awaitEnd();
                assertThat(stream.data()).extracting(d -> Json.read(d).get("status").asText())
                        .containsExactly("pending", "submitted", "completed");
            }
        }
        await().until(() -> sim.aidenId().events().size() >= 4);
        assertThat(sim.aidenId().events().subList(0, 4)).extracting(SimulatedAidenIdEvent::type)
                .containsExactly("identity.created", "inbound.received", "extraction.completed", "identity.expired");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SimulatorMain.printBanner(new PrintStream(out, true, StandardCharsets.UTF_8), sim, true, Duration.ofSeconds(3));
        String banner = out.toString(StandardCharsets.UTF_8);
        assertThat(banner).contains(sim.baseUrl(), SseSimulator.PREDICATE_API_KEY, SseSimulator.AIDENID_API_KEY,
                SseSimulator.AIDENID_ORG_ID, SseSimulator.AIDENID_PROJECT_ID, "curl -N", SimulatorMain.DEMO_INDIVIDUAL_SESSION);
        assertThat(SimulatorMain.parseDuration("500")).isEqualTo(Duration.ofMillis(500));
        assertThat(SimulatorMain.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(SimulatorMain.parseDuration("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(SimulatorMain.parseDuration("1m")).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void createsAdvancesAndUpdatesSessionsInBulk(SseSimulator sim) {
        HttpResponse<String> created = call("POST", "/_simulator/predicate/sessions/bulk",
                "{\"count\":4,\"type\":\"business\",\"scriptStart\":\"manual\","
                        + "\"scripts\":[[{\"afterMs\":10,\"status\":\"submitted\"}],[{\"afterMs\":20,\"status\":\"retry\"}]]}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode json = Json.read(created.body());
        assertThat(json.get("count").asInt()).isEqualTo(4);
        assertThat(json.get("sessions")).hasSize(4);
        String first = json.get("sessions").get(0).get("sessionId").asText();
        String second = json.get("sessions").get(1).get("sessionId").asText();
        assertThat(json.get("sessions").get(0).get("url").asText()).isEqualTo(sim.predicate().session(first).url());
        assertThat(sim.predicate().session(second).type()).isEqualTo(VerificationType.BUSINESS);

        JsonNode advanced = Json.read(call("POST", "/_simulator/predicate/sessions/advance",
                "{\"sessionIds\":[\"" + first + "\",\"" + second + "\"]}").body());
        assertThat(advanced.get("advanced").asInt()).isEqualTo(2);
        assertThat(sim.predicate().session(first).status()).isEqualTo("submitted");
        assertThat(sim.predicate().session(second).status()).isEqualTo("retry");

        JsonNode updated = Json.read(call("POST", "/_simulator/predicate/sessions/update",
                "{\"all\":true,\"status\":\"completed\"}").body());
        assertThat(updated.get("updated").asInt()).isEqualTo(4);
        // the two not advanced yet still have their scripted step; the other two are terminal
        JsonNode again = Json.read(call("POST", "/_simulator/predicate/sessions/advance", "{\"all\":true}").body());
        assertThat(again.get("advanced").asInt()).isEqualTo(2);
        assertThat(again.get("notAdvanced")).extracting(JsonNode::asText).containsExactlyInAnyOrder(first, second);

        assertThat(call("POST", "/_simulator/predicate/sessions/advance", "{\"sessionIds\":[\"nope\"]}").statusCode())
                .isEqualTo(404);
        assertThat(call("POST", "/_simulator/predicate/sessions/bulk", "{\"count\":2,\"sessionIds\":[\"a\"]}").statusCode())
                .isEqualTo(400);
        assertThat(sim.predicate().sessions()).hasSize(4);
    }

    @Test
    void createsSessionsWithTheGivenIds(SseSimulator sim) {
        HttpResponse<String> created = call("POST", "/_simulator/predicate/sessions/bulk", "{\"sessionIds\":[\"s-1\",\"s-2\"]}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(sim.predicate().session("s-2").status()).isEqualTo("pending");
    }
}
