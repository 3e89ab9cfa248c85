/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.clustering;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelsse.simulator.AidenIdEvent;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.Vendor;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Active/passive {@code aidenid-sse:stream} under {@code master:} with camel-zookeeper's cluster service and a real
 * ZooKeeper server: every node is a JVM of its own with its own ZooKeeper session, and the position is in a file all
 * nodes see. The leader is stopped, then (its successor) killed, while the simulator keeps publishing.
 */
class ZooKeeperFailoverTest {

    /** ZooKeeper's tick: sessions may be as short as two ticks, so a killed node's session expires quickly. */
    private static final int TICK_MILLIS = 500;
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private TestingServer zooKeeper;
    private SseSimulator simulator;
    private final List<NodeProcess> nodes = new ArrayList<>();

    @BeforeEach
    void startServers() throws Exception {
        InstanceSpec loopbackOnly = new InstanceSpec(dir.resolve("zookeeper").toFile(), -1, -1, -1, true, -1,
                TICK_MILLIS, -1, Map.of("clientPortAddress", "127.0.0.1"), "127.0.0.1");
        zooKeeper = new TestingServer(loopbackOnly, true);
        simulator = SseSimulator.builder().aidenIdRetry(Duration.ofMillis(20)).build().start();
    }

    @AfterEach
    void stopServers() throws Exception {
        for (NodeProcess node : nodes) {
            node.close();
        }
        simulator.close();
        zooKeeper.close();
    }

    @Test
    void anotherNodeTakesOverWhenTheLeaderStopsAndWhenItIsKilledLosingNothing() throws Exception {
        Path positions = dir.resolve("shared-volume/aidenid-positions.dat");
        positions.getParent().toFile().mkdirs();
        NodeProcess first = start("node-a", positions);
        // a stream without a position begins with what is published after it connects
        await().atMost(TAKEOVER_LIMIT).until(() -> simulator.stats().openStreams(Vendor.AIDENID) == 1);
        try (Publisher publisher = new Publisher(simulator, 5000).start(20)) {
            await().atMost(TAKEOVER_LIMIT).until(() -> first.processed().size() >= 25);
            NodeProcess second = start("node-b", positions);
            await().until(() -> first.processed().size() >= 50);
            assertThat(second.processed()).as("the passive node consumes nothing").isEmpty();

            long stoppedAt = System.nanoTime();
            first.stopGracefully();
            await().atMost(TAKEOVER_LIMIT).pollInterval(Duration.ofMillis(20)).until(() -> !second.processed().isEmpty());
            Duration afterStop = Duration.ofNanos(System.nanoTime() - stoppedAt);

            NodeProcess third = start("node-a2", positions);
            await().until(() -> second.processed().size() >= 50);
            long killedAt = System.nanoTime();
            second.kill();
            await().atMost(TAKEOVER_LIMIT).pollInterval(Duration.ofMillis(20)).until(() -> !third.processed().isEmpty());
            Duration afterKill = Duration.ofNanos(System.nanoTime() - killedAt);
            await().until(() -> third.processed().size() >= 25);
            publisher.close();

            List<String> published = simulator.aidenId().events().stream().map(AidenIdEvent::id).toList();
            String last = published.get(published.size() - 1);
            await().until(() -> third.processed().contains(last));

            FailoverCounts stop = FailoverCounts.of("stop", published, first, second, afterStop);
            FailoverCounts kill = FailoverCounts.of("kill", published, second, third, afterKill);
            System.out.println(stop);
            System.out.println(kill);
            Set<String> delivered = new HashSet<>();
            int deliveries = 0;
            for (NodeProcess node : List.of(first, second, third)) {
                delivered.addAll(node.processed());
                deliveries += node.processed().size();
            }
            Set<String> lost = new LinkedHashSet<>(published);
            lost.removeAll(delivered);
            System.out.printf("ZooKeeper failover, whole run: published %d, delivered %d, lost %d, duplicated %d%n",
                    published.size(), deliveries, lost.size(), deliveries - delivered.size());

            assertThat(lost).as("events lost").isEmpty();
            assertThat(stop.duplicated()).as("duplicates after a graceful stop").isZero();
            assertThat(kill.duplicated()).as("duplicates after a kill: at most the event in flight").isLessThanOrEqualTo(1);
            assertThat(deliveries - delivered.size()).isEqualTo(stop.duplicated() + kill.duplicated());
            assertThat(afterKill).as("a killed leader is replaced once its session expired")
                    .isGreaterThanOrEqualTo(SESSION_TIMEOUT.minusMillis(TICK_MILLIS));
        }
    }

    private NodeProcess start(String name, Path positions) throws Exception {
        NodeProcess node = NodeProcess.start(name, dir, zooKeeper.getConnectString(), simulator.baseUrl(), positions,
                SESSION_TIMEOUT);
        nodes.add(node);
        return node;
    }

    /** What one hand-over did: events the new leader processed again, and how long the stream had no consumer. */
    record FailoverCounts(String how, int published, int delivered, int duplicated, Duration takeover) {

        static FailoverCounts of(String how, List<String> published, NodeProcess before, NodeProcess after,
                                 Duration takeover) throws Exception {
            Set<String> again = new HashSet<>(before.processed());
            again.retainAll(after.processed());
            return new FailoverCounts(how, published.size(), before.processed().size() + after.processed().size(),
                    again.size(), takeover);
        }

        @Override
        public String toString() {
            return String.format("ZooKeeper failover on %s: %d events published in the run, %d delivered by the old"
                                 + " and the new leader, %d duplicated, takeover %d ms",
                    how, published, delivered, duplicated, takeover.toMillis());
        }
    }
}
