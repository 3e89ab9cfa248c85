/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.ScriptStart;
import org.apache.camel.CamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes share one JDBC watch repository, as replicas under master: do: only the leader's consumer streams the set,
 * and sessions are added and removed on either node. With watchRefreshInterval, the leader opens what the other node
 * added and closes what it removed; the other node's own view follows the repository, not what it read once.
 */
class PredicateWatchSharedRepositoryTest extends PredicateWatchTestSupport {

    private CamelContext leader;
    private CamelContext standby;
    // a third view of the database, for the tests to read
    private JdbcWatchRepository shared;

    /** Two nodes on one database, each with its own component and repository object; only the first streams. */
    private void startTwoNodes(String options) throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:shared-watch-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        shared = new JdbcWatchRepository(dataSource);
        String uri = watchUri("watchRepository=#watchRepository&maxConnectsPerSecond=0&watchRefreshInterval=100"
                              + options);
        leader = startContext(uri, "watchRepository", new JdbcWatchRepository(dataSource));
        standby = startContext(uri, "watchRepository", new JdbcWatchRepository(dataSource));
        // the other node's watch route does not run, as under master: on a node that does not lead
        standby.getRouteController().stopRoute("watch");
        context = null;
    }

    @AfterEach
    void stopBoth() {
        if (standby != null) {
            standby.stop();
        }
        if (leader != null) {
            leader.stop();
        }
    }

    @Test
    void sessionsAddedOnTheOtherNodeAreStreamedByTheLeader() throws Exception {
        startTwoNodes("");
        List<PredicateSession> sessions = SIM.predicate().createSessions(6, b -> b.scriptStart(ScriptStart.MANUAL));
        sessions.subList(0, 3).forEach(s -> add(leader, s.id()));
        sessions.subList(3, 6).forEach(s -> add(standby, s.id()));

        await().until(() -> received.size() == 6);
        assertThat(received).allSatisfy(e -> assertThat(e.getContext()).isSameAs(leader));
        assertThat(setOf(leader).size()).isEqualTo(6);

        sessions.get(4).complete();
        await().until(() -> statusesOf(sessions.get(4).id()).equals(List.of("pending", "completed")));
        await().until(() -> setOf(leader).size() == 5);
        assertThat(reported).isEmpty();
    }

    @Test
    void aSessionRemovedOnTheOtherNodeIsClosedByTheLeader() throws Exception {
        startTwoNodes("");
        PredicateSession session = SIM.predicate().createSessions(1, b -> b.scriptStart(ScriptStart.MANUAL)).get(0);
        add(leader, session.id());
        await().until(() -> received.size() == 1);

        remove(standby, session.id());
        await().until(() -> setOf(leader).size() == 0);
        await().until(() -> consumerOf(leader).sessions().isEmpty());
        session.complete();
        await().during(Duration.ofMillis(500)).until(() -> received.size() == 1);
    }

    @Test
    void theOtherNodeCountsTheSessionsTheRepositoryHoldsNotThoseItOnceRead() throws Exception {
        startTwoNodes("&maxSessions=2");
        List<PredicateSession> sessions = SIM.predicate().createSessions(3, b -> b.scriptStart(ScriptStart.MANUAL));
        add(standby, sessions.get(0).id());
        add(standby, sessions.get(1).id());
        await().until(() -> received.size() == 2);
        sessions.get(0).complete();
        await().until(() -> setOf(leader).size() == 1);

        // the leader's set has room again, and so has the other node's, which reads the repository
        add(standby, sessions.get(2).id());
        await().until(() -> statusesOf(sessions.get(2).id()).equals(List.of("pending")));
        assertThat(setOf(standby).size()).isEqualTo(2);
        assertThat(reported).isEmpty();
    }

    @Test
    void aRemoveOnTheLeaderOfASessionTheOtherNodeJustAddedTakesItOut() throws Exception {
        startTwoNodes("");
        PredicateSession session = SIM.predicate().createSessions(1, b -> b.scriptStart(ScriptStart.MANUAL)).get(0);
        add(standby, session.id());
        remove(leader, session.id());

        // across several refreshes of the leader: the leader may not have seen the add, the database has it gone
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> shared.load("default").isEmpty() && received.isEmpty());
    }

    @Test
    void anAddOnTheLeaderOfASessionTheOtherNodeJustRemovedPutsItBack() throws Exception {
        startTwoNodes("");
        PredicateSession session = SIM.predicate().createSessions(1, b -> b.scriptStart(ScriptStart.MANUAL)).get(0);
        add(leader, session.id());
        await().until(() -> received.size() == 1);
        remove(standby, session.id());
        add(leader, session.id());

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> shared.load("default").size() == 1);
        session.complete();
        await().until(() -> statusesOf(session.id()).contains("completed"));
    }

    private static void add(CamelContext node, String sessionId) {
        node.createProducerTemplate().sendBodyAndHeader("direct:watch", null, PredicateSseConstants.SESSION_ID,
                sessionId);
    }

    private static void remove(CamelContext node, String sessionId) {
        node.createProducerTemplate().sendBodyAndHeader("direct:watch", sessionId, PredicateSseConstants.WATCH_ACTION,
                "remove");
    }

    private static PredicateWatchConsumer consumerOf(CamelContext node) {
        return (PredicateWatchConsumer) node.getRoute("watch").getConsumer();
    }

    private static WatchSet setOf(CamelContext node) {
        return node.getComponent("predicate-sse", PredicateSseComponent.class).watchSet("default");
    }
}
