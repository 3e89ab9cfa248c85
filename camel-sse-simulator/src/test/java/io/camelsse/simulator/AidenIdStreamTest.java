/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AidenIdStreamTest {

    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension(b -> b.keepAliveInterval(Duration.ofMillis(100))
            .aidenIdStreamLimit(2).aidenIdStreamLimitRetryAfter(Duration.ofSeconds(7)));

    private static HttpResponse<String> get(SseSimulator sim, String... headers) {
        return TestStream.get(sim.aidenIdStreamUrl(), headers);
    }

    @Test
    void authErrorsAreJsonWithCode(SseSimulator sim) {
        HttpResponse<String> none = get(sim);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).isEqualTo("{\"code\":\"unauthorized\",\"message\":\"Missing or invalid API key\"}");
        assertThat(get(sim, "Authorization", "Bearer aid_wrong", "X-Org-Id", SseSimulator.AIDENID_ORG_ID,
                "X-Project-Id", SseSimulator.AIDENID_PROJECT_ID).statusCode()).isEqualTo(401);

        HttpResponse<String> noScope = get(sim, "Authorization", "Bearer " + SseSimulator.AIDENID_NO_SCOPE_API_KEY,
                "X-Org-Id", SseSimulator.AIDENID_ORG_ID, "X-Project-Id", SseSimulator.AIDENID_PROJECT_ID);
        assertThat(noScope.statusCode()).isEqualTo(403);
        assertThat(noScope.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(noScope.body()).isEqualTo("{\"code\":\"forbidden\",\"message\":\"API key lacks the required scope\"}");

        HttpResponse<String> wrongOrg = get(sim, "Authorization", "Bearer " + SseSimulator.AIDENID_API_KEY,
                "X-Org-Id", "org_other", "X-Project-Id", SseSimulator.AIDENID_PROJECT_ID);
        assertThat(wrongOrg.statusCode()).isEqualTo(403);
        assertThat(wrongOrg.body()).contains("\"code\":\"forbidden\"");

        HttpResponse<String> noProject = get(sim, "Authorization", "Bearer " + SseSimulator.AIDENID_API_KEY,
                "X-Org-Id", SseSimulator.AIDENID_ORG_ID);
        assertThat(noProject.statusCode()).isEqualTo(403);
        assertThat(sim.stats().acceptedStreams()).isZero();
    }

    @Test
    void eventsCarryTypeIdRetryAndData(SseSimulator sim) {
        try (TestStream stream = TestStream.aidenId(sim)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).isEqualTo("text/event-stream");
            await().until(() -> sim.stats().openStreams(Vendor.AIDENID) == 1);
            String id = sim.aidenId().publish("extraction.completed",
                    "{\"identity_id\":\"ident_a1b2c3d4e5\",\"type\":\"otp\",\"has_secret\":true,\"redacted_value\":\"***\","
                            + "\"confidence\":0.99,\"extracted_at\":\"2026-04-06T10:05:02Z\"}");
            assertThat(id).isEqualTo("evt_000001");
            stream.awaitEvents(1);
            assertThat(stream.rawText()).contains("event: extraction.completed\nid: evt_000001\nretry: 3000\n"
                    + "data: {\"identity_id\":\"ident_a1b2c3d4e5\",\"type\":\"otp\",\"has_secret\":true,\"redacted_value\":\"***\","
                    + "\"confidence\":0.99,\"extracted_at\":\"2026-04-06T10:05:02Z\"}\n\n");
            await().until(() -> stream.comments().size() >= 2);
            assertThat(stream.comments()).allMatch(": keep-alive"::equals);
        }
    }

    @Test
    void typedPublishersWriteTheSeedFields(SseSimulator sim) {
        try (TestStream stream = TestStream.aidenId(sim)) {
            await().until(() -> sim.stats().openStreams(Vendor.AIDENID) == 1);
            String ident = AidenIdEvents.newIdentityId();
            assertThat(ident).matches("ident_[a-z0-9]{10}");
            List<String> ids = List.of(
                    sim.aidenId().publishIdentityCreated(ident),
                    sim.aidenId().publishInboundReceived(ident),
                    sim.aidenId().publishExtractionCompleted(ident),
                    sim.aidenId().publishIdentityExpired(ident),
                    sim.aidenId().publish("identity.renewed", Map.of("identity_id", ident)));
            assertThat(ids).containsExactly("evt_000001", "evt_000002", "evt_000003", "evt_000004", "evt_000005");
            List<TestStream.Event> events = stream.awaitEvents(5);
            assertThat(events).extracting(TestStream.Event::type).containsExactly(
                    "identity.created", "inbound.received", "extraction.completed", "identity.expired", "identity.renewed");
            assertThat(events).extracting(TestStream.Event::id).containsExactlyElementsOf(ids);
            assertThat(events).extracting(TestStream.Event::retry).containsOnly("3000");
            JsonNode created = Json.read(events.get(0).data());
            assertThat(created.get("identity_id").asText()).isEqualTo(ident);
            assertThat(created.has("created_at")).isTrue();
            JsonNode inbound = Json.read(events.get(1).data());
            assertThat(inbound.get("from").asText()).isEqualTo("noreply@github.com");
            assertThat(inbound.has("subject") && inbound.has("received_at")).isTrue();
            JsonNode extraction = Json.read(events.get(2).data());
            assertThat(extraction.get("type").asText()).isEqualTo("otp");
            assertThat(extraction.get("has_secret").asBoolean()).isTrue();
            assertThat(extraction.get("redacted_value").asText()).isEqualTo("***");
            assertThat(extraction.get("confidence").asDouble()).isEqualTo(0.99);
            assertThat(extraction.has("extracted_at")).isTrue();
            assertThat(Json.read(events.get(3).data()).has("expired_at")).isTrue();
        }
        assertThat(sim.aidenId().events()).hasSize(5);
        assertThat(sim.aidenId().lastEventId()).isEqualTo("evt_000005");
    }

    @Test
    void withoutLastEventIdOnlyLiveEvents(SseSimulator sim) {
        sim.aidenId().publishIdentityCreated("ident_before0001");
        try (TestStream stream = TestStream.aidenId(sim)) {
            await().until(() -> sim.stats().openStreams(Vendor.AIDENID) == 1);
            sim.aidenId().publishIdentityExpired("ident_after00001");
            assertThat(stream.awaitEvents(1)).extracting(TestStream.Event::id).containsExactly("evt_000002");
        }
    }

    @Test
    void lastEventIdReplaysWhatFollowsThenLive(SseSimulator sim) {
        for (int i = 0; i < 5; i++) {
            sim.aidenId().publishInboundReceived("ident_" + i);
        }
        try (TestStream stream = TestStream.aidenId(sim, "Last-Event-ID", "evt_000002")) {
            stream.awaitEvents(3);
            sim.aidenId().publishIdentityExpired("ident_x");
            assertThat(stream.awaitEvents(4)).extracting(TestStream.Event::id)
                    .containsExactly("evt_000003", "evt_000004", "evt_000005", "evt_000006");
        }
        try (TestStream unknown = TestStream.aidenId(sim, "Last-Event-ID", "evt_x1y2z3")) {
            await().until(() -> sim.stats().openStreams(Vendor.AIDENID) == 1);
            sim.aidenId().publishIdentityExpired("ident_y");
            assertThat(unknown.awaitEvents(1)).extracting(TestStream.Event::id).containsExactly("evt_000007");
        }
    }

    @Test
    void streamLimitIs429WithRetryAfter(SseSimulator sim) {
        try (TestStream a = TestStream.aidenId(sim); TestStream b = TestStream.aidenId(sim)) {
            await().until(() -> sim.stats().openStreams(Vendor.AIDENID) == 2);
            HttpResponse<String> third = get(sim, "Authorization", "Bearer " + SseSimulator.AIDENID_API_KEY,
                    "X-Org-Id", SseSimulator.AIDENID_ORG_ID, "X-Project-Id", SseSimulator.AIDENID_PROJECT_ID);
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).hasValue("7");
            assertThat(Json.read(third.body()).get("code").asText()).isEqualTo("stream_limit_reached");
            assertThat(Json.read(third.body()).get("message").asText()).isNotBlank();
        }
        await().until(() -> sim.stats().openStreams(Vendor.AIDENID) == 0);
        sim.aidenId().streamLimit(1);
        try (TestStream again = TestStream.aidenId(sim)) {
            assertThat(again.status()).isEqualTo(200);
        }
    }

    @Test
    void retryFieldIsConfigurableAndCanBeLeftOut(SseSimulator sim) {
        try (TestStream stream = TestStream.aidenId(sim)) {
            await().until(() -> sim.stats().openStreams(Vendor.AIDENID) == 1);
            sim.aidenId().retry(Duration.ofMillis(1500));
            sim.aidenId().publishIdentityExpired("ident_a");
            sim.aidenId().retry(null);
            sim.aidenId().publishIdentityExpired("ident_b");
            List<TestStream.Event> events = stream.awaitEvents(2);
            assertThat(events.get(0).retry()).isEqualTo("1500");
            assertThat(events.get(1).retry()).isNull();
        }
    }

    @Test
    void multiLineDataBecomesSeveralDataLines(SseSimulator sim) {
        try (TestStream stream = TestStream.aidenId(sim)) {
            await().until(() -> sim.stats().openStreams(Vendor.AIDENID) == 1);
            sim.aidenId().publish("custom.event", "{\n\"a\": 1\n}");
            assertThat(stream.awaitEvents(1).get(0).data()).isEqualTo("{\n\"a\": 1\n}");
            assertThat(stream.rawText()).contains("data: {\ndata: \"a\": 1\ndata: }\n\n");
        }
    }
}
