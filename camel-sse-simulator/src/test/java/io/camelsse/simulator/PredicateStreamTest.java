/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class PredicateStreamTest {

    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension(b -> b.keepAliveInterval(Duration.ofMillis(100)));

    private static final String AUTH = "Bearer " + SseSimulator.PREDICATE_API_KEY;

    @Test
    void missingOrWrongKeyIs401WithJsonBody(SseSimulator sim) {
        PredicateSession s = sim.predicate().createSession();
        HttpResponse<String> none = TestStream.get(s.url());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(none.body()).isEqualTo("{\"code\":\"unauthorized\",\"message\":\"Missing or invalid API key\"}");

        HttpResponse<String> wrong = TestStream.get(s.url(), "Authorization", "Bearer nope");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("\"code\":\"unauthorized\"");

        HttpResponse<String> otherVendorKey = TestStream.get(s.url(), "Authorization", "Bearer " + SseSimulator.AIDENID_API_KEY);
        assertThat(otherVendorKey.statusCode()).isEqualTo(401);
    }

    @Test
    void unknownSessionIs404AndBadTypeIs400(SseSimulator sim) {
        PredicateSession s = sim.predicate().createSession(VerificationType.BUSINESS);
        HttpResponse<String> unknown = TestStream.get(
                sim.predicateStreamUrl(VerificationType.INDIVIDUAL, "00000000-0000-0000-0000-000000000000"), "Authorization", AUTH);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"code\":\"session_not_found\"");

        HttpResponse<String> wrongType = TestStream.get(sim.predicateStreamUrl(VerificationType.INDIVIDUAL, s.id()), "Authorization", AUTH);
        assertThat(wrongType.statusCode()).isEqualTo(404);

        HttpResponse<String> badType = TestStream.get(sim.baseUrl() + "/api/v1/status/realtime/company/" + s.id(), "Authorization", AUTH);
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(badType.body()).contains("\"code\":\"invalid_type\"");
    }

    @Test
    void snapshotFirstWithTheSeedFieldsAndNoId(SseSimulator sim) {
        PredicateSession s = sim.predicate().newSession().id("550e8400-e29b-41d4-a716-446655440000")
                .unverifiedWallets(new SimulatedWallet("wallet-uuid", "0x1234...", "ethereum")).create();
        try (TestStream stream = TestStream.predicate(sim, s)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).isEqualTo("text/event-stream");
            assertThat(stream.awaitEvents(1).get(0).data()).isEqualTo(
                    "{\"sessionId\":\"550e8400-e29b-41d4-a716-446655440000\",\"status\":\"pending\",\"verifiedWallets\":[],"
                            + "\"unverifiedWallets\":[{\"id\":\"wallet-uuid\",\"address\":\"0x1234...\",\"chain\":\"ethereum\"}]}");
            s.update(u -> u.status("completed").userId("user-uuid-here").completedAt(Instant.parse("2025-01-21T10:30:00Z"))
                    .verifiedWallets(new SimulatedWallet("wallet-uuid-1", "0x1234...", "ethereum")).unverifiedWallets());
            assertThat(stream.awaitEvents(2).get(1).data()).isEqualTo(
                    "{\"sessionId\":\"550e8400-e29b-41d4-a716-446655440000\",\"status\":\"completed\",\"userId\":\"user-uuid-here\","
                            + "\"completedAt\":\"2025-01-21T10:30:00Z\",\"verifiedWallets\":[{\"id\":\"wallet-uuid-1\","
                            + "\"address\":\"0x1234...\",\"chain\":\"ethereum\"}],\"unverifiedWallets\":[]}");
            stream.awaitEnd();
            assertThat(stream.ended()).as("ended normally, not dropped").isTrue();
            assertThat(stream.lines()).noneMatch(l -> l.startsWith("id:") || l.startsWith("event:"));
            assertThat(stream.events()).allMatch(e -> e.id() == null && e.type() == null);
        }
    }

    @Test
    void keepAliveCommentsAtTheInterval(SseSimulator sim) {
        PredicateSession s = sim.predicate().createSession();
        try (TestStream stream = TestStream.predicate(sim, s)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.comments().size() >= 3);
            assertThat(stream.comments()).allMatch(": keep-alive"::equals);
            assertThat(stream.events()).hasSize(1);
        }
    }

    @Test
    void changesReachEveryOpenStreamAndTerminalClosesThem(SseSimulator sim) {
        PredicateSession s = sim.predicate().createSession();
        try (TestStream a = TestStream.predicate(sim, s); TestStream b = TestStream.predicate(sim, s)) {
            a.awaitEvents(1);
            b.awaitEvents(1);
            await().until(() -> s.openStreams() == 2);
            s.advance();
            s.status(SessionStatus.RETRY);
            s.advance();
            s.status(SessionStatus.REJECTED);
            for (TestStream t : new TestStream[] {a, b}) {
                t.awaitEnd();
                assertThat(t.ended()).isTrue();
                assertThat(t.data()).extracting(d -> Json.read(d).get("status").asText())
                        .containsExactly("pending", "submitted", "retry", "submitted", "rejected");
            }
            await().until(() -> s.openStreams() == 0 && sim.stats().openStreams() == 0);
        }
    }

    @Test
    void terminalSessionGetsSnapshotThenClose(SseSimulator sim) {
        PredicateSession s = sim.predicate().newSession().status(SessionStatus.COMPLETED).userId("u-1").create();
        try (TestStream stream = TestStream.predicate(sim, s)) {
            stream.awaitEnd();
            assertThat(stream.ended()).isTrue();
            assertThat(stream.data()).hasSize(1);
            assertThat(stream.data().get(0)).contains("\"status\":\"completed\"", "\"userId\":\"u-1\"");
        }
    }

    @Test
    void earlierGenerationUsesItsStatuses(SseSimulator sim) {
        PredicateSession s = sim.predicate().newSession().generation(Generation.EARLIER).business().create();
        assertThatThrownBy(() -> s.status(SessionStatus.SUBMITTED)).isInstanceOf(IllegalArgumentException.class);
        try (TestStream stream = TestStream.predicate(sim, s)) {
            stream.awaitEvents(1);
            s.advance();
            s.advance();
            stream.awaitEnd();
            assertThat(stream.data()).extracting(d -> Json.read(d).get("status").asText())
                    .containsExactly("pending", "in_progress", "completed");
        }
        assertThatThrownBy(s::advance).isInstanceOf(IllegalStateException.class);

        PredicateSession failed = sim.predicate().newSession().generation(Generation.EARLIER).create().reject();
        assertThat(failed.status()).isEqualTo("failed");

        sim.predicate().defaultGeneration(Generation.EARLIER);
        assertThat(sim.predicate().createSession().generation()).isEqualTo(Generation.EARLIER);
    }

    @Test
    void scriptedTimelineStartsWithTheFirstConnection(SseSimulator sim) {
        PredicateSession s = sim.predicate().newSession()
                .script(Step.after(Duration.ofMillis(50), SessionStatus.SUBMITTED),
                        Step.after(Duration.ofMillis(50), "completed").withUserId("user-7"))
                .create();
        assertThat(s.status()).isEqualTo("pending");
        assertThat(s.remainingSteps()).hasSize(2);
        try (TestStream stream = TestStream.predicate(sim, s)) {
            stream.awaitEnd();
            assertThat(stream.data()).extracting(d -> Json.read(d).get("status").asText())
                    .containsExactly("pending", "submitted", "completed");
            assertThat(Json.read(stream.data().get(2)).get("userId").asText()).isEqualTo("user-7");
        }
        assertThat(s.remainingSteps()).isEmpty();
    }

    @Test
    void manualScriptIsDrivenByAdvance(SseSimulator sim) {
        PredicateSession s = sim.predicate().newSession().happyPath(Duration.ofMillis(1)).scriptStart(ScriptStart.MANUAL).create();
        try (TestStream stream = TestStream.predicate(sim, s)) {
            stream.awaitEvents(1);
            assertThat(s.status()).isEqualTo("pending");
            s.advance();
            assertThat(stream.awaitEvents(2).get(1).data()).contains("\"status\":\"submitted\"");
            assertThat(s.status()).isEqualTo("submitted");
            s.advance();
            stream.awaitEnd();
            assertThat(stream.data()).hasSize(3);
        }
    }

    @Test
    void steeringFieldsPushesOneEventEach(SseSimulator sim) {
        PredicateSession s = sim.predicate().newSession().completionDefaults(false).create();
        try (TestStream stream = TestStream.predicate(sim, s)) {
            stream.awaitEvents(1);
            s.unverifiedWallets(SimulatedWallet.ethereum("w1", "0xabc"));
            s.userId("user-1");
            s.completedAt(Instant.parse("2025-02-01T00:00:00.123Z"));
            s.verifiedWallets(new SimulatedWallet("w0", "bc1q", "bitcoin"));
            s.status("under_review");
            var events = stream.awaitEvents(6);
            assertThat(events.get(1).data()).contains("\"unverifiedWallets\":[{\"id\":\"w1\",\"address\":\"0xabc\",\"chain\":\"ethereum\"}]");
            assertThat(events.get(2).data()).contains("\"userId\":\"user-1\"");
            assertThat(events.get(3).data()).contains("\"completedAt\":\"2025-02-01T00:00:00Z\"");
            assertThat(events.get(4).data()).contains("\"verifiedWallets\":[{\"id\":\"w0\",\"address\":\"bc1q\",\"chain\":\"bitcoin\"}]");
            assertThat(events.get(5).data()).contains("\"status\":\"under_review\"");
            s.complete();
            stream.awaitEnd();
            assertThat(stream.data().get(6)).contains("\"unverifiedWallets\":[{\"id\":\"w1\"");
        }
    }

    @Test
    void completionDefaultsFillUserTimeAndWallets(SseSimulator sim) {
        PredicateSession s = sim.predicate().newSession().unverifiedWallets(SimulatedWallet.ethereum("w1", "0xabc")).create();
        s.complete();
        assertThat(s.userId()).startsWith("user-");
        assertThat(s.completedAt()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(s.verifiedWallets()).containsExactly(SimulatedWallet.ethereum("w1", "0xabc"));
        assertThat(s.unverifiedWallets()).isEmpty();
        assertThat(s.isTerminal()).isTrue();
    }

    @Test
    void restartWhenTerminalReplaysTheTimelineForANewConnection(SseSimulator sim) {
        PredicateSession s = sim.predicate().newSession().happyPath(Duration.ofMillis(20)).restartWhenTerminal(true).create();
        for (int i = 0; i < 2; i++) {
            try (TestStream stream = TestStream.predicate(sim, s)) {
                stream.awaitEnd();
                assertThat(stream.data()).extracting(d -> Json.read(d).get("status").asText())
                        .containsExactly("pending", "submitted", "completed");
            }
        }
    }

    @Test
    void removedSessionDropsItsStreams(SseSimulator sim) {
        PredicateSession s = sim.predicate().createSession();
        try (TestStream stream = TestStream.predicate(sim, s)) {
            stream.awaitEvents(1);
            assertThat(sim.predicate().remove(s.id())).isTrue();
            stream.awaitEnd();
            assertThat(stream.dropped()).isTrue();
        }
        assertThat(TestStream.get(s.url(), "Authorization", AUTH).statusCode()).isEqualTo(404);
    }
}
