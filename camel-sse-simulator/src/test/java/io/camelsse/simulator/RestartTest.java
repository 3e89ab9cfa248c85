/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A restart in place: every connection and the listening socket go, the state stays, the port comes back. */
class RestartTest {

    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension(b -> b.keepAliveInterval(Duration.ofMillis(100)));

    @Test
    void stopListeningDropsEveryStreamAndRefusesConnectionsUntilStarted(SseSimulator sim) throws Exception {
        PredicateSession session = sim.predicate().createSession();
        int port = sim.port();
        List<TestStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                streams.add(TestStream.aidenId(sim));
            }
            streams.add(TestStream.predicate(sim, session));
            await().until(() -> sim.stats().openStreams() == 11);

            sim.stopListening();

            assertThat(sim.isListening()).isFalse();
            assertThat(sim.stats().openStreams()).isZero();
            await().until(() -> streams.stream().allMatch(TestStream::dropped));
            assertThatThrownBy(() -> connect(port)).isInstanceOf(ConnectException.class);

            sim.startListening();

            assertThat(sim.isListening()).isTrue();
            assertThat(sim.port()).isEqualTo(port);
            try (TestStream again = TestStream.predicate(sim, session)) {
                assertThat(again.status()).isEqualTo(200);
                assertThat(again.awaitEvents(1).get(0).data()).isEqualTo(session.snapshotJson());
            }
        } finally {
            streams.forEach(TestStream::close);
        }
    }

    @Test
    void restartKeepsSessionsTheEventLogAndItsIds(SseSimulator sim) {
        PredicateSession session = sim.predicate().createSession();
        session.advance();
        sim.aidenId().publishIdentityCreated("ident_1");
        sim.aidenId().publishIdentityCreated("ident_2");
        long acceptedBefore = sim.stats().acceptedStreams();
        try (TestStream before = TestStream.aidenId(sim)) {
            await().until(() -> sim.stats().openStreams() == 1);

            sim.stopListening();
            sim.aidenId().publishIdentityExpired("ident_1");
            sim.startListening();

            before.awaitEnd();
            assertThat(before.dropped()).isTrue();
        }
        assertThat(sim.predicate().session(session.id()).status()).isEqualTo(session.status());
        assertThat(sim.aidenId().lastEventId()).isEqualTo("evt_000003");
        assertThat(sim.stats().acceptedStreams()).as("counters stay").isEqualTo(acceptedBefore + 1);
        try (TestStream after = TestStream.aidenId(sim, "Last-Event-ID", "evt_000001")) {
            assertThat(after.awaitEvents(2)).extracting(TestStream.Event::id).containsExactly("evt_000002", "evt_000003");
            sim.aidenId().publishIdentityCreated("ident_3");
            assertThat(after.awaitEvents(3).get(2).id()).isEqualTo("evt_000004");
        }
    }

    @Test
    void restartWaitsForTheDowntime(SseSimulator sim) {
        long start = System.nanoTime();
        sim.restart(Duration.ofMillis(300));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(sim.isListening()).isTrue();
        try (TestStream stream = TestStream.aidenId(sim)) {
            assertThat(stream.status()).isEqualTo(200);
        }
    }

    @Test
    void aSessionThatRestartsWhenTerminalPlaysAnOnCreateTimelineAgain(SseSimulator sim) {
        PredicateSession session = sim.predicate().newSession().happyPath(Duration.ofMillis(50))
                .scriptStart(ScriptStart.ON_CREATE).restartWhenTerminal(true).create();
        await().until(session::isTerminal);
        try (TestStream stream = TestStream.predicate(sim, session)) {
            // pending, submitted, completed, once more
            await().until(() -> stream.ended() || stream.data().size() >= 3);
            assertThat(stream.data()).hasSize(3);
            assertThat(stream.data().get(2)).contains("\"status\":\"completed\"");
        }
    }

    @Test
    void aStartThatFailsReleasesItsThreads(SseSimulator sim) {
        Set<Thread> before = vertxThreads();
        // the port is taken: start() fails, and nobody holds the simulator it built
        assertThatThrownBy(() -> SseSimulator.builder().port(sim.port()).eventLoops(2).build().start())
                .isInstanceOf(IllegalStateException.class);
        await().untilAsserted(() -> {
            Set<Thread> left = vertxThreads();
            left.removeAll(before);
            assertThat(left).isEmpty();
        });
    }

    private static Set<Thread> vertxThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("vert.x-")).collect(Collectors.toSet());
    }

    @Test
    void stoppingOrStartingTwiceDoesNothing(SseSimulator sim) {
        sim.startListening();
        sim.stopListening();
        sim.stopListening();
        sim.startListening();
        sim.startListening();
        try (TestStream stream = TestStream.aidenId(sim)) {
            assertThat(stream.status()).isEqualTo(200);
        }
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        }
    }
}
