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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FaultTest {

    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension(b -> b.keepAliveInterval(Duration.ofMillis(100)));

    private static final String[] AIDEN_HEADERS = {"Authorization", "Bearer " + SseSimulator.AIDENID_API_KEY,
        "X-Org-Id", SseSimulator.AIDENID_ORG_ID, "X-Project-Id", SseSimulator.AIDENID_PROJECT_ID};

    private static TestStream openAidenId(SseSimulator sim, int expectedOpen) {
        TestStream s = TestStream.aidenId(sim);
        await().until(() -> sim.stats().openStreams(Vendor.AIDENID) == expectedOpen);
        return s;
    }

    private static RawHttp.Response rawPredicate(SseSimulator sim, PredicateSession s, int timeoutMillis) throws Exception {
        return RawHttp.get(sim.port(), s.path(), timeoutMillis, "Authorization", "Bearer " + SseSimulator.PREDICATE_API_KEY);
    }

    @Test
    void dropAfterEvents(SseSimulator sim) {
        sim.faults().nextStream(Fault.dropAfterEvents(2));
        try (TestStream stream = openAidenId(sim, 1)) {
            sim.aidenId().publishIdentityCreated("ident_1");
            sim.aidenId().publishIdentityCreated("ident_2");
            sim.aidenId().publishIdentityCreated("ident_3");
            stream.awaitEnd();
            assertThat(stream.dropped()).as("dropped, not ended").isTrue();
            assertThat(stream.events()).extracting(TestStream.Event::id).containsExactly("evt_000001", "evt_000002");
        }
        // the fault was for one connection only
        try (TestStream next = TestStream.aidenId(sim, "Last-Event-ID", "evt_000002")) {
            assertThat(next.awaitEvents(1)).extracting(TestStream.Event::id).containsExactly("evt_000003");
        }
    }

    @Test
    void dropInTheMiddleOfTheFirstEvent(SseSimulator sim) throws Exception {
        PredicateSession s = sim.predicate().createSession();
        sim.faults().nextStream(Fault.dropMidEvent());
        RawHttp.Response r = rawPredicate(sim, s, 5000);
        assertThat(r.statusLine()).contains("200");
        assertThat(r.complete()).isFalse();
        assertThat(r.eof()).isTrue();
        String full = "data: " + s.snapshotJson() + "\n\n";
        assertThat(r.body()).isEqualTo(full.substring(0, full.length() / 2));
    }

    @Test
    void dropInTheMiddleOfALaterEvent(SseSimulator sim) {
        sim.faults().nextStream(Fault.dropMidEvent(1));
        try (TestStream stream = openAidenId(sim, 1)) {
            sim.aidenId().publishInboundReceived("ident_1");
            sim.aidenId().publishInboundReceived("ident_2");
            stream.awaitEnd();
            assertThat(stream.dropped()).isTrue();
            assertThat(stream.events()).hasSize(1);
            assertThat(stream.rawText()).contains("id: evt_000002").doesNotEndWith("\n\n");
        }
    }

    @Test
    void stallBeforeTheFirstEventHoldsEventsAndKeepAlives(SseSimulator sim) {
        PredicateSession s = sim.predicate().createSession();
        sim.faults().nextStream(Fault.stall(Duration.ofMillis(700)));
        long start = System.nanoTime();
        try (TestStream stream = TestStream.predicate(sim, s)) {
            assertThat(stream.status()).isEqualTo(200);
            stream.awaitEvents(1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(650));
            assertThat(stream.lines().get(0)).startsWith("data: ");
        }
    }

    @Test
    void stallAfterEventsWritesNothingForTheDuration(SseSimulator sim) {
        sim.faults().nextStream(Fault.stallAfterEvents(1, Duration.ofMillis(1500)));
        try (TestStream stream = openAidenId(sim, 1)) {
            sim.aidenId().publishIdentityCreated("ident_1");
            stream.awaitEvents(1);
            int commentsAtStall = stream.comments().size();
            sim.aidenId().publishIdentityExpired("ident_1");
            await().during(Duration.ofMillis(500)).atMost(Duration.ofMillis(1000))
                    .until(() -> stream.events().size() == 1 && stream.comments().size() == commentsAtStall);
            assertThat(stream.awaitEvents(2)).extracting(TestStream.Event::id).containsExactly("evt_000001", "evt_000002");
            await().until(() -> stream.comments().size() > commentsAtStall);
        }
    }

    @Test
    void oneByteChunks(SseSimulator sim) throws Exception {
        PredicateSession s = sim.predicate().newSession().status(SessionStatus.REJECTED).create();
        sim.faults().nextStream(Fault.oneByteChunks());
        RawHttp.Response r = rawPredicate(sim, s, 10000);
        assertThat(r.complete()).as("the body ends normally after the terminal status").isTrue();
        assertThat(r.chunks()).allMatch(c -> c.length == 1);
        assertThat(r.body()).isEqualTo("data: " + s.snapshotJson() + "\n\n");
        assertThat(r.chunks()).hasSize(r.body().length());
    }

    @Test
    void slowWritesSendSmallPiecesWithAPauseBetween(SseSimulator sim) throws Exception {
        PredicateSession s = sim.predicate().newSession().status(SessionStatus.REJECTED).create();
        sim.faults().nextStream(Fault.slowWrites(Duration.ofMillis(20)));
        long start = System.nanoTime();
        RawHttp.Response r = rawPredicate(sim, s, 10000);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String body = "data: " + s.snapshotJson() + "\n\n";
        assertThat(r.complete()).as("the body ends normally after the terminal status").isTrue();
        assertThat(r.body()).isEqualTo(body);
        int pieces = (body.length() + Fault.SLOW_WRITE_PIECE_BYTES - 1) / Fault.SLOW_WRITE_PIECE_BYTES;
        assertThat(r.chunks()).hasSize(pieces).allMatch(c -> c.length <= Fault.SLOW_WRITE_PIECE_BYTES);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(20L * (pieces - 1)));
    }

    @Test
    void slowWritesDeliverEveryAidenIdEventWhole(SseSimulator sim) {
        sim.faults().nextStream(Fault.slowWrites(64, Duration.ofMillis(5)));
        try (TestStream stream = openAidenId(sim, 1)) {
            for (int i = 0; i < 5; i++) {
                sim.aidenId().publishInboundReceived("ident_" + i);
            }
            assertThat(stream.awaitEvents(5)).extracting(TestStream.Event::id)
                    .containsExactly("evt_000001", "evt_000002", "evt_000003", "evt_000004", "evt_000005");
            assertThat(stream.chunkSizes()).allMatch(size -> size <= 64);
        }
    }

    @Test
    void malformedJsonBeforeTheSnapshot(SseSimulator sim) {
        PredicateSession s = sim.predicate().createSession();
        sim.faults().nextStream(Fault.malformedJson());
        try (TestStream stream = TestStream.predicate(sim, s)) {
            List<String> data = stream.awaitEvents(2).stream().map(TestStream.Event::data).toList();
            assertThat(isJson(data.get(0))).isFalse();
            assertThat(data.get(1)).isEqualTo(s.snapshotJson());
        }
    }

    @Test
    void malformedJsonAfterAnEvent(SseSimulator sim) {
        sim.faults().nextStream(Fault.malformedJson(1));
        try (TestStream stream = openAidenId(sim, 1)) {
            sim.aidenId().publishExtractionCompleted("ident_1");
            sim.aidenId().publishExtractionCompleted("ident_2");
            List<TestStream.Event> events = stream.awaitEvents(3);
            assertThat(isJson(events.get(0).data())).isTrue();
            assertThat(events.get(1).type()).isEqualTo("extraction.completed");
            assertThat(isJson(events.get(1).data())).isFalse();
            assertThat(events.get(2).id()).isEqualTo("evt_000002");
        }
    }

    @Test
    void oversizedEvent(SseSimulator sim) {
        PredicateSession s = sim.predicate().createSession();
        sim.faults().nextStream(Fault.oversizedEvent(10_000));
        try (TestStream stream = TestStream.predicate(sim, s)) {
            List<TestStream.Event> events = stream.awaitEvents(2);
            assertThat(events.get(0).data()).hasSize(10_001);
            assertThat(isJson(events.get(0).data())).isTrue();
            assertThat(events.get(1).data()).isEqualTo(s.snapshotJson());
        }
    }

    @Test
    void wrongContentType(SseSimulator sim) {
        PredicateSession s = sim.predicate().createSession();
        sim.faults().nextStream(Fault.contentType("application/json"));
        try (TestStream stream = TestStream.predicate(sim, s)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).isEqualTo("application/json");
        }
        sim.faults().nextStream(Fault.contentType("text/plain"));
        try (TestStream stream = TestStream.predicate(sim, s)) {
            assertThat(stream.header("Content-Type")).isEqualTo("text/plain");
        }
    }

    @Test
    void statusAnswersWithRetryAfterAndLocation(SseSimulator sim) {
        Instant when = Instant.parse("2030-01-02T03:04:05Z");
        sim.faults()
                .nextStream(Fault.serviceUnavailable(Duration.ofSeconds(2)))
                .nextStream(Fault.status(503).retryAfter(when))
                .nextStream(Fault.internalServerError())
                .nextStream(Fault.noContent())
                .nextStream(Fault.notFound())
                .nextStream(Fault.gone())
                .nextStream(Fault.redirect(307, "/v1/realtime/stream?moved=1"))
                .nextStream(Fault.redirectWithoutLocation(302));
        assertThat(sim.faults().queued()).isEqualTo(8);

        HttpResponse<String> r = TestStream.get(sim.aidenIdStreamUrl(), AIDEN_HEADERS);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(r.body()).contains("\"code\":\"service_unavailable\"");

        r = TestStream.get(sim.aidenIdStreamUrl(), AIDEN_HEADERS);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("Wed, 2 Jan 2030 03:04:05 GMT");

        r = TestStream.get(sim.aidenIdStreamUrl(), AIDEN_HEADERS);
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("\"code\":\"internal_error\"");

        r = TestStream.get(sim.aidenIdStreamUrl(), AIDEN_HEADERS);
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.body()).isEmpty();

        assertThat(TestStream.get(sim.aidenIdStreamUrl(), AIDEN_HEADERS).statusCode()).isEqualTo(404);
        assertThat(TestStream.get(sim.aidenIdStreamUrl(), AIDEN_HEADERS).statusCode()).isEqualTo(410);

        r = TestStream.get(sim.aidenIdStreamUrl(), AIDEN_HEADERS);
        assertThat(r.statusCode()).isEqualTo(307);
        assertThat(r.headers().firstValue("Location")).hasValue("/v1/realtime/stream?moved=1");

        r = TestStream.get(sim.aidenIdStreamUrl(), AIDEN_HEADERS);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).isEmpty();

        assertThat(sim.faults().queued()).isZero();
        try (TestStream ok = TestStream.aidenId(sim)) {
            assertThat(ok.status()).isEqualTo(200);
        }
        assertThat(sim.requests(Vendor.AIDENID)).extracting(RecordedRequest::status)
                .containsExactly(503, 503, 500, 204, 404, 410, 307, 302, 200);
        assertThat(sim.stats().acceptedStreams(Vendor.AIDENID)).isEqualTo(1);
    }

    @Test
    void refusedRequestsUseUpNoFaultAndVendorEntriesWaitForTheirVendor(SseSimulator sim) {
        PredicateSession s = sim.predicate().createSession();
        sim.faults().nextStream(Vendor.AIDENID, Fault.status(500));
        assertThat(TestStream.get(sim.aidenIdStreamUrl()).statusCode()).isEqualTo(401);
        try (TestStream p = TestStream.predicate(sim, s)) {
            assertThat(p.status()).isEqualTo(200);
        }
        assertThat(sim.faults().queued()).isEqualTo(1);
        assertThat(TestStream.get(sim.aidenIdStreamUrl(), AIDEN_HEADERS).statusCode()).isEqualTo(500);
    }

    @Test
    void alwaysAppliesUntilCleared(SseSimulator sim) {
        PredicateSession s = sim.predicate().createSession();
        sim.faults().always(Fault.status(503).retryAfter(Duration.ofSeconds(1)));
        for (int i = 0; i < 3; i++) {
            assertThat(TestStream.get(s.url(), "Authorization", "Bearer " + SseSimulator.PREDICATE_API_KEY).statusCode()).isEqualTo(503);
        }
        sim.faults().clear();
        try (TestStream p = TestStream.predicate(sim, s)) {
            assertThat(p.status()).isEqualTo(200);
        }
    }

    @Test
    void randomDropsAreCertainAtProbabilityOne(SseSimulator sim) {
        sim.faults().random(1, 1.0);
        try (TestStream stream = openAidenId(sim, 1)) {
            sim.aidenId().publishIdentityCreated("ident_1");
            stream.awaitEnd();
            assertThat(stream.dropped()).isTrue();
            assertThat(stream.events()).isEmpty();
        }
    }

    @Test
    void randomDropsRepeatWithTheSameSeed(SseSimulator sim) {
        String first = bytesBeforeRandomDrop(sim, 42);
        sim.reset();
        String second = bytesBeforeRandomDrop(sim, 42);
        assertThat(second).isEqualTo(first);
        sim.reset();
        assertThat(bytesBeforeRandomDrop(sim, 7)).isNotEqualTo(first);
    }

    /** What a stream receives before a random drop; the events are replayed so their bytes are the same each time. */
    private static String bytesBeforeRandomDrop(SseSimulator sim, long seed) {
        for (int i = 0; i < 60; i++) {
            sim.aidenId().publish("test.event", "{\"n\":" + i + "}");
        }
        sim.aidenId().events();
        sim.faults().random(seed, 0.2);
        try (TestStream stream = TestStream.aidenId(sim, "Last-Event-ID", "evt_000000")) {
            stream.awaitEnd();
            assertThat(stream.dropped()).isTrue();
            assertThat(stream.events().size()).isLessThan(60);
            return stream.rawText().replaceAll(": keep-alive\n\n", "");
        }
    }

    private static boolean isJson(String text) {
        try {
            Json.read(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
