/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class BulkSessionsTest {

    private static final int MANY = 10_000;

    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension(b -> b.keepAliveInterval(Duration.ZERO)
            .maxConcurrentStreamsPerConnection(1_000));

    @Test
    void createsSessionsWithTheirOwnIdsAndTimelines(SseSimulator sim) {
        List<PredicateSession> sessions = sim.predicate().createSessions(3, (b, i) -> b.id("bulk-" + i).business()
                .script(Step.after(Duration.ofMillis(10L * (i + 1)), SessionStatus.SUBMITTED)));

        assertThat(sessions).extracting(PredicateSession::id).containsExactly("bulk-0", "bulk-1", "bulk-2");
        assertThat(sessions).allSatisfy(s -> assertThat(s.type()).isEqualTo(VerificationType.BUSINESS));
        assertThat(sessions.get(2).remainingSteps()).extracting(Step::delay).containsExactly(Duration.ofMillis(30));
    }

    @Test
    void createsNoneWhenOneCannotBeCreated(SseSimulator sim) {
        sim.predicate().newSession().id("taken").create();

        assertThatThrownBy(() -> sim.predicate().createSessions(5, (b, i) -> b.id(i == 3 ? "taken" : "new-" + i)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(sim.predicate().sessions()).extracting(PredicateSession::id).containsExactly("taken");
    }

    @Test
    void advanceAllMovesEachSessionOnAndListsThoseThatCannotMove(SseSimulator sim) {
        List<PredicateSession> sessions = sim.predicate().createSessions(3);
        sessions.get(1).complete();

        BulkAdvance result = sim.predicate().advanceAll(sessions);

        assertThat(result.advanced()).containsExactly(sessions.get(0), sessions.get(2));
        assertThat(result.notAdvanced()).containsExactly(sessions.get(1));
        assertThat(sessions).extracting(PredicateSession::status).containsExactly("submitted", "completed", "submitted");
        assertThat(sim.predicate().advanceAll().advanced()).hasSize(2);
    }

    @Test
    void updateAllSendsOneEventPerSession(SseSimulator sim) {
        List<PredicateSession> sessions = sim.predicate().createSessions(2, b -> b.scriptStart(ScriptStart.MANUAL));
        try (TestStream stream = TestStream.predicate(sim, sessions.get(0))) {
            stream.awaitEvents(1);
            sim.predicate().updateAll(sessions, u -> u.status("rejected").userId("u-1"));
            stream.awaitEnd();
            assertThat(stream.data()).hasSize(2);
            assertThat(stream.data().get(1)).contains("\"status\":\"rejected\"", "\"userId\":\"u-1\"");
        }
        assertThat(sessions.get(1).userId()).isEqualTo("u-1");
    }

    /**
     * 10,000 sessions, each with an open stream (h2c, 1,000 streams on each of 10 connections): created in one
     * call, moved on twice in one call each. Prints the times; what is asserted is that every stream gets every state.
     */
    @Test
    void tenThousandSessionsWithOpenStreamsAdvanceInOneCall(SseSimulator sim) {
        Vertx vertx = Vertx.vertx();
        try {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                    .setHttp2ClearTextUpgrade(false), new PoolOptions().setHttp2MaxSize(10));

            long t0 = System.nanoTime();
            List<PredicateSession> sessions = sim.predicate().createSessions(MANY, b -> b.scriptStart(ScriptStart.MANUAL));
            long createdNanos = System.nanoTime() - t0;

            AtomicInteger events = new AtomicInteger();
            AtomicInteger ended = new AtomicInteger();
            for (PredicateSession s : sessions) {
                client.request(new RequestOptions().setHost("127.0.0.1").setPort(sim.port()).setURI(s.path())
                                .addHeader("Authorization", "Bearer " + SseSimulator.PREDICATE_API_KEY))
                        .compose(req -> req.send())
                        .onSuccess(resp -> {
                            EventCounter counter = new EventCounter(events);
                            resp.handler(counter::count);
                            resp.endHandler(v -> ended.incrementAndGet());
                        });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> events.get() == MANY);

            long t1 = System.nanoTime();
            BulkAdvance submitted = sim.predicate().advanceAll(sessions);
            long advanceCallNanos = System.nanoTime() - t1;
            await().atMost(Duration.ofSeconds(30)).until(() -> events.get() == 2 * MANY);
            long advanceDeliveredNanos = System.nanoTime() - t1;

            long t2 = System.nanoTime();
            sim.predicate().advanceAll(sessions);
            await().atMost(Duration.ofSeconds(30)).until(() -> ended.get() == MANY);
            long completeDeliveredNanos = System.nanoTime() - t2;

            System.out.printf("%d sessions: created in %d ms; advanceAll returned in %d ms, every stream had the new state"
                            + " after %d ms; advanceAll to completed, every stream ended after %d ms; %d HTTP/2 connections%n",
                    MANY, createdNanos / 1_000_000, advanceCallNanos / 1_000_000, advanceDeliveredNanos / 1_000_000,
                    completeDeliveredNanos / 1_000_000, sim.stats().http2Connections());
            assertThat(submitted.advanced()).hasSize(MANY);
            assertThat(events.get()).isEqualTo(3 * MANY);
            assertThat(sessions).allSatisfy(s -> assertThat(s.status()).isEqualTo("completed"));
            assertThat(sim.stats().eventsSent()).isEqualTo(3L * MANY);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** Counts the events of one stream: each ends with a blank line, which may be split across chunks. */
    private static final class EventCounter {
        private final AtomicInteger total;
        private boolean lastWasNewline;

        EventCounter(AtomicInteger total) {
            this.total = total;
        }

        void count(io.vertx.core.buffer.Buffer chunk) {
            for (int i = 0; i < chunk.length(); i++) {
                boolean newline = chunk.getByte(i) == '\n';
                if (newline && lastWasNewline) {
                    total.incrementAndGet();
                }
                lastWasNewline = newline;
            }
        }
    }
}
