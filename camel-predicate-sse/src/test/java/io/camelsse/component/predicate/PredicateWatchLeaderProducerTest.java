/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.time.Duration;
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
 * The producer of the node that streams a shared watch set changes the repository even where it has not yet seen
 * what another node's producer changed there.
 */
class PredicateWatchLeaderProducerTest extends PredicateWatchTestSupport {

    private CamelContext leader;
    private CamelContext standby;
    private JdbcWatchRepository shared;

    private void startTwoNodes() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:watch-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        shared = new JdbcWatchRepository(dataSource);
        String uri = watchUri("watchRepository=#watchRepository&maxConnectsPerSecond=0&watchRefreshInterval=500");
        leader = startContext(uri, "watchRepository", new JdbcWatchRepository(dataSource));
        standby = startContext(uri, "watchRepository", new JdbcWatchRepository(dataSource));
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
    void aRemoveOnTheLeaderOfASessionAStandbyJustAddedTakesItOut() throws Exception {
        startTwoNodes();
        PredicateSession session = SIM.predicate().createSessions(1, b -> b.scriptStart(ScriptStart.MANUAL)).get(0);
        add(standby, session.id());
        remove(leader, session.id());

        // across more than one refresh of the leader
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> shared.load("default").isEmpty() && received.isEmpty());
    }

    @Test
    void anAddOnTheLeaderOfASessionAStandbyJustRemovedPutsItBack() throws Exception {
        startTwoNodes();
        PredicateSession session = SIM.predicate().createSessions(1, b -> b.scriptStart(ScriptStart.MANUAL)).get(0);
        add(leader, session.id());
        await().until(() -> received.size() == 1);
        remove(standby, session.id());
        add(leader, session.id());

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> shared.load("default").size() == 1);
        session.complete();
        await().atMost(Duration.ofSeconds(5)).until(() -> statusesOf(session.id()).contains("completed"));
    }

    private static void add(CamelContext node, String sessionId) {
        node.createProducerTemplate().sendBodyAndHeader("direct:watch", null, PredicateSseConstants.SESSION_ID,
                sessionId);
    }

    private static void remove(CamelContext node, String sessionId) {
        node.createProducerTemplate().sendBodyAndHeader("direct:watch", sessionId, PredicateSseConstants.WATCH_ACTION,
                "remove");
    }
}
