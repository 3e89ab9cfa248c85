/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.clustering;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.ScriptStart;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.camelsse.clustering.ClusterServers.SESSION_TIMEOUT;
import static io.camelsse.clustering.ClusterServers.TICK_MILLIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Active/passive {@code predicate-sse:watch} under {@code master:} with camel-zookeeper's cluster service and a real
 * ZooKeeper server: every node is a JVM of its own with its own ZooKeeper session, and the watch set is in one database
 * (H2 as a TCP server on 127.0.0.1) through {@code JdbcWatchRepository}. Sessions are added on the leader and on the
 * standby alike. While the sessions' statuses move on, the leader is stopped, and then the next one killed: the node
 * that takes over re-opens every open session, and delivers what changed while no node streamed.
 * <p>
 * Each session changes at most once while no node streams it: Predicate sends a session's current state only, so a
 * status that a session passed through while nobody listened is not replayed by design (see the component docs), and
 * the counts here are of the statuses a listener could see.
 */
class WatchFailoverTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final String APP_DB = "watch";

    @TempDir
    Path dir;

    private final List<NodeProcess> nodes = new ArrayList<>();
    /** Every status the simulator gave a session, as {@code <session ID> <status>}. */
    private final List<String> published = new ArrayList<>();

    @Test
    void theNextLeaderReopensEveryOpenSessionLosingNoStatus() throws Exception {
        // the H2 server binds the loopback address only
        System.setProperty("h2.bindAddress", "127.0.0.1");
        int port = freePort();
        Server database = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists").start();
        String jdbcUrl = "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:" + APP_DB + ";DB_CLOSE_DELAY=-1";
        try (ClusterServers servers = new ClusterServers(dir)) {
            try {
                run(servers, jdbcUrl);
            } finally {
                for (NodeProcess node : nodes) {
                    node.close();
                }
            }
        } finally {
            database.stop();
        }
    }

    private void run(ClusterServers servers, String jdbcUrl) throws Exception {
        List<PredicateSession> sessions = servers.simulator.predicate()
                .createSessions(35, b -> b.scriptStart(ScriptStart.MANUAL));
        sessions.forEach(s -> published.add(s.id() + " pending"));

        NodeProcess first = start(servers, jdbcUrl, "node-a");
        // the first node alone leads: once it delivers a session's first status, the other may start
        add(first, sessions.get(0));
        await().atMost(LIMIT).until(() -> first.processed().size() == 1);
        NodeProcess second = start(servers, jdbcUrl, "node-b");
        // half of the sessions are added on the leader, half on the standby, which only writes them to the database
        for (int i = 1; i < 30; i++) {
            add(i < 15 ? first : second, sessions.get(i));
        }
        await().atMost(LIMIT).until(() -> first.processed().size() == 30);
        move(sessions, 0, 10, "submitted");
        await().atMost(LIMIT).until(() -> first.processed().size() == 40);
        assertThat(second.processed()).as("statuses the standby delivered").isEmpty();

        long stoppedAt = System.nanoTime();
        first.stopGracefully();
        move(sessions, 10, 20, "submitted");
        move(sessions, 0, 5, "completed");
        await().atMost(LIMIT).pollInterval(Duration.ofMillis(20)).until(() -> !second.processed().isEmpty());
        Duration afterStop = since(stoppedAt);
        await().atMost(LIMIT).until(() -> second.processed().size() == 15);

        NodeProcess third = start(servers, jdbcUrl, "node-a2");
        for (int i = 30; i < 35; i++) {
            add(third, sessions.get(i));
        }
        await().atMost(LIMIT).until(() -> second.processed().size() == 20);

        // statuses on their way when the leader dies
        move(sessions, 20, 25, "submitted");
        long killedAt = System.nanoTime();
        second.kill();
        move(sessions, 25, 35, "submitted");
        move(sessions, 10, 15, "in_progress");
        move(sessions, 5, 10, "completed");
        await().atMost(LIMIT).pollInterval(Duration.ofMillis(20)).until(() -> !third.processed().isEmpty());
        Duration afterKill = since(killedAt);

        // the new leader streams on: every session reaches its outcome
        await().atMost(LIMIT).until(() -> delivered().containsAll(published));
        for (int i = 10; i < 35; i++) {
            PredicateSession session = sessions.get(i);
            String outcome = i % 5 == 0 ? "rejected" : "completed";
            session.status(outcome);
            published.add(session.id() + " " + outcome);
        }
        await().atMost(LIMIT).until(() -> delivered().containsAll(published));
        await().atMost(LIMIT).until(() -> openSessionsIn(jdbcUrl) == 0);

        int deliveries = 0;
        for (NodeProcess node : nodes) {
            deliveries += node.processed().size();
        }
        Set<String> lost = new LinkedHashSet<>(published);
        lost.removeAll(delivered());
        int onStop = bothProcessed(first, second);
        int onKill = bothProcessed(second, third);
        System.out.printf("ZooKeeper + JDBC watch repository failover on stop: %d duplicated, takeover %d ms%n",
                onStop, afterStop.toMillis());
        System.out.printf("ZooKeeper + JDBC watch repository failover on kill: %d duplicated, takeover %d ms%n",
                onKill, afterKill.toMillis());
        System.out.printf("ZooKeeper + JDBC watch repository failover, whole run: sessions %d, statuses published %d,"
                          + " delivered %d, lost %d, duplicated %d%n", sessions.size(), published.size(), deliveries,
                lost.size(), deliveries - delivered().size());

        assertThat(lost).as("statuses lost").isEmpty();
        assertThat(onStop).as("duplicates after a graceful stop").isZero();
        assertThat(onKill).as("duplicates after a kill: at most the statuses on their way when the leader died")
                .isLessThanOrEqualTo(5);
        assertThat(deliveries - delivered().size()).isEqualTo(onStop + onKill);
        assertThat(afterKill).as("a killed leader is replaced once its session has expired")
                .isGreaterThanOrEqualTo(SESSION_TIMEOUT.minusMillis(TICK_MILLIS));
    }

    private NodeProcess start(ClusterServers servers, String jdbcUrl, String name) throws Exception {
        NodeProcess node = NodeProcess.start(WatchClusterNode.class, name, dir,
                servers.zooKeeper.getConnectString(), servers.simulator.baseUrl(), jdbcUrl, SESSION_TIMEOUT);
        nodes.add(node);
        return node;
    }

    /** Adds the session on that node and waits until the node's producer has returned. */
    private static void add(NodeProcess node, PredicateSession session) throws Exception {
        node.send("add " + session.id());
        await().atMost(LIMIT).until(() -> node.lines("added").contains(session.id())
                                          || node.lines("added").contains("!" + session.id()));
        assertThat(node.lines("added")).as("sessions %s added", node.name()).doesNotContain("!" + session.id());
    }

    private void move(List<PredicateSession> sessions, int from, int to, String status) {
        for (PredicateSession session : sessions.subList(from, to)) {
            session.status(status);
            published.add(session.id() + " " + status);
        }
    }

    private Set<String> delivered() throws Exception {
        Set<String> all = new HashSet<>();
        for (NodeProcess node : nodes) {
            all.addAll(node.processed());
        }
        return all;
    }

    private static int bothProcessed(NodeProcess before, NodeProcess after) throws Exception {
        Set<String> again = new HashSet<>(before.processed());
        again.retainAll(after.processed());
        return again.size();
    }

    private static int openSessionsIn(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             Statement count = c.createStatement();
             ResultSet rows = count.executeQuery("SELECT COUNT(*) FROM predicate_watch")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
