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
import java.util.Set;
import java.util.TreeSet;

import io.camelsse.simulator.SimulatedAidenIdEvent;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.Vendor;

import static org.awaitility.Awaitility.await;

/**
 * Two replicas of {@code aidenid-sse:stream} under {@code master:}, while the simulator keeps publishing: node A leads;
 * A is stopped and B takes over; A comes back as a standby, B is killed (its ZooKeeper session has to expire) and A
 * takes over. Counts what each hand-over did.
 */
final class FailoverScenario implements AutoCloseable {

    static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);

    private final Path dir;
    private final String zooKeeper;
    private final SseSimulator simulator;
    private final String positions;
    private final Duration sessionTimeout;
    private final List<NodeProcess> nodes = new ArrayList<>();

    /** What a run did, as a whole and at each hand-over. */
    record Result(String store, int published, int deliveries, Set<String> lost, int duplicated, Handover stop,
                  Handover kill) {

        void print() {
            System.out.println(stop);
            System.out.println(kill);
            System.out.printf("%s failover, whole run: published %d, delivered %d, lost %d, duplicated %d%n", store,
                    published, deliveries, lost.size(), duplicated);
        }
    }

    /** One hand-over: the events both leaders processed, and how long no node consumed the stream. */
    record Handover(String store, String how, Set<String> processedByBoth, Duration takeover) {

        int duplicated() {
            return processedByBoth.size();
        }

        @Override
        public String toString() {
            return String.format("%s failover on %s: %d duplicated%s, takeover %d ms", store, how, duplicated(),
                    processedByBoth.isEmpty() ? "" : " " + new TreeSet<>(processedByBoth), takeover.toMillis());
        }
    }

    FailoverScenario(Path dir, String zooKeeper, SseSimulator simulator, String positions, Duration sessionTimeout) {
        this.dir = dir;
        this.zooKeeper = zooKeeper;
        this.simulator = simulator;
        this.positions = positions;
        this.sessionTimeout = sessionTimeout;
    }

    Result run(String store) throws Exception {
        NodeProcess first = start("node-a");
        // a stream without a position begins with what is published after it connects
        await().atMost(TAKEOVER_LIMIT).until(() -> simulator.stats().openStreams(Vendor.AIDENID) == 1);
        Duration afterStop;
        Duration afterKill;
        NodeProcess second;
        NodeProcess third;
        try (Publisher publisher = new Publisher(simulator, 5000).start(20)) {
            await().atMost(TAKEOVER_LIMIT).until(() -> first.processed().size() >= 25);
            second = start("node-b");
            NodeProcess standby = second;
            await().until(() -> first.processed().size() >= 50);
            if (!standby.processed().isEmpty()) {
                throw new AssertionError("the passive node consumed events: " + standby.processed().size());
            }

            long stoppedAt = System.nanoTime();
            first.stopGracefully();
            await().atMost(TAKEOVER_LIMIT).pollInterval(Duration.ofMillis(20))
                    .until(() -> !standby.processed().isEmpty());
            afterStop = since(stoppedAt);

            third = start("node-a2");
            await().until(() -> standby.processed().size() >= 50);
            long killedAt = System.nanoTime();
            second.kill();
            NodeProcess successor = third;
            await().atMost(TAKEOVER_LIMIT).pollInterval(Duration.ofMillis(20))
                    .until(() -> !successor.processed().isEmpty());
            afterKill = since(killedAt);
            await().until(() -> successor.processed().size() >= 25);
        }
        List<String> published = simulator.aidenId().events().stream().map(SimulatedAidenIdEvent::id).toList();
        String last = published.get(published.size() - 1);
        NodeProcess leader = third;
        await().atMost(TAKEOVER_LIMIT).until(() -> leader.processed().contains(last));

        Set<String> delivered = new HashSet<>();
        int deliveries = 0;
        for (NodeProcess node : nodes) {
            delivered.addAll(node.processed());
            deliveries += node.processed().size();
        }
        Set<String> lost = new LinkedHashSet<>(published);
        lost.removeAll(delivered);
        // counted once every node is done: the events both leaders of a hand-over processed
        Handover stop = new Handover(store, "stop", bothProcessed(first, second), afterStop);
        Handover kill = new Handover(store, "kill", bothProcessed(second, third), afterKill);
        Result result = new Result(store, published.size(), deliveries, lost, deliveries - delivered.size(), stop,
                kill);
        result.print();
        return result;
    }

    private NodeProcess start(String name) throws Exception {
        NodeProcess node = NodeProcess.start(name, dir, zooKeeper, simulator.baseUrl(), positions, sessionTimeout);
        nodes.add(node);
        return node;
    }

    private static Set<String> bothProcessed(NodeProcess before, NodeProcess after) throws Exception {
        Set<String> again = new HashSet<>(before.processed());
        again.retainAll(after.processed());
        return again;
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    @Override
    public void close() throws InterruptedException {
        for (NodeProcess node : nodes) {
            node.close();
        }
    }
}
