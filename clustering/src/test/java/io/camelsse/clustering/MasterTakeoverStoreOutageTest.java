/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.clustering;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.camelsse.component.predicate.MemoryWatchRepository;
import io.camelsse.component.predicate.PredicateSseComponent;
import io.camelsse.component.predicate.WatchRepository;
import io.camelsse.component.predicate.WatchedSession;
import io.camelsse.component.sse.UnreachableStateRepository;
import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.ScriptStart;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.Vendor;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replica that takes the leadership while the shared position store is out of reach: {@code master:} starts the
 * consumer it wraps once per leadership, so a start that failed would leave a leader that streams nothing, with
 * readiness UP. The consumer starts, reports DOWN while it cannot read the position (a watch: its set), and streams
 * from the stored position once the store answers: nothing the last leader left is skipped.
 */
class MasterTakeoverStoreOutageTest {

    private static final String KEY = "aidenid-sse/" + SseSimulator.AIDENID_ORG_ID + "/"
                                      + SseSimulator.AIDENID_PROJECT_ID;

    @Test
    void aLeaderThatCannotReadThePositionYetStreamsFromItOnceItCan() throws Exception {
        try (SseSimulator simulator = SseSimulator.builder().aidenIdRetry(Duration.ofMillis(20)).build().start()) {
            for (int i = 0; i < 4; i++) {
                simulator.aidenId().publishIdentityCreated("ident_a1b2c3d4e5");
            }
            UnreachableStateRepository positions = new UnreachableStateRepository();
            positions.setState(KEY, "evt_000002");
            positions.setUnreachable(true);
            List<String> processed = new CopyOnWriteArrayList<>();
            SwitchableClusterService cluster = new SwitchableClusterService("node-a");
            CamelContext context = new DefaultCamelContext();
            context.addService(cluster);
            context.getRegistry().bind("positions", positions);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("master:aidenid-events:aidenid-sse:stream?baseUrl=" + simulator.baseUrl() + "&apiKey="
                         + SseSimulator.AIDENID_API_KEY + "&orgId=" + SseSimulator.AIDENID_ORG_ID + "&projectId="
                         + SseSimulator.AIDENID_PROJECT_ID + "&lastEventIdRepository=#positions"
                         + "&reconnectDelay=50&maxReconnectDelay=200&unhealthyAfter=1")
                            .routeId("aidenid-events")
                            .process(e -> processed.add(e.getMessage().getHeader("CamelSseEventId", String.class)));
                }
            });
            context.start();
            HealthCheckRegistry.get(context).setExposureLevel("full");
            try {
                cluster.setLeader(true);

                await().atMost(Duration.ofSeconds(20)).until(() -> positions.reads() >= 3);
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    HealthCheck.Result wrapped = readiness(context).get("aidenid-sse-consumer-aidenid-events");
                    assertThat(wrapped).as("the leader's consumer shows its readiness").isNotNull();
                    assertThat(wrapped.getState()).isEqualTo(HealthCheck.State.DOWN);
                    assertThat(wrapped.getMessage()).hasValueSatisfying(
                            m -> assertThat(m).contains("lastEventIdRepository could not be read"));
                });
                assertThat(simulator.requests(Vendor.AIDENID)).isEmpty();

                positions.setUnreachable(false);
                await().atMost(Duration.ofSeconds(20)).until(() -> processed.size() == 2);
                assertThat(processed).containsExactly("evt_000003", "evt_000004");
                await().atMost(Duration.ofSeconds(20)).until(() -> readiness(context)
                        .get("aidenid-sse-consumer-aidenid-events").getState() == HealthCheck.State.UP);
            } finally {
                context.stop();
            }
        }
    }

    @Test
    void aWatchLeaderThatCannotReadItsSetYetOpensItsSessionsOnceItCan() throws Exception {
        try (SseSimulator simulator = SseSimulator.builder().keepAliveInterval(Duration.ofMillis(100)).build()
                .start()) {
            List<PredicateSession> sessions = simulator.predicate().createSessions(2,
                    b -> b.scriptStart(ScriptStart.MANUAL));
            UnreachableWatchRepository watchSet = new UnreachableWatchRepository();
            sessions.forEach(s -> watchSet.add("default", new WatchedSession(s.id(), "individual", null)));
            watchSet.unreachable = true;
            List<String> statuses = new CopyOnWriteArrayList<>();
            SwitchableClusterService cluster = new SwitchableClusterService("node-a");
            CamelContext context = new DefaultCamelContext();
            context.addService(cluster);
            context.getRegistry().bind("watchSet", watchSet);
            PredicateSseComponent predicate = context.getComponent("predicate-sse", PredicateSseComponent.class);
            predicate.setApiKey(SseSimulator.PREDICATE_API_KEY);
            predicate.setBaseUrl(simulator.baseUrl());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("master:watch:predicate-sse:watch?watchRepository=#watchSet&reconnectDelay=10"
                         + "&maxReconnectDelay=100&maxConnectsPerSecond=0&unhealthyAfter=1")
                            .routeId("watch")
                            .process(e -> statuses.add(e.getMessage().getHeader("CamelPredicateStatus",
                                    String.class)));
                }
            });
            context.start();
            try {
                cluster.setLeader(true);
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    HealthCheck.Result wrapped = readiness(context).get("predicate-sse-watch-watch");
                    assertThat(wrapped).as("the leader's watch shows its readiness").isNotNull();
                    assertThat(wrapped.getState()).isEqualTo(HealthCheck.State.DOWN);
                    assertThat(wrapped.getMessage()).hasValueSatisfying(m -> assertThat(m)
                            .contains("could not be read from its repository"));
                });
                assertThat(simulator.requests(Vendor.PREDICATE)).isEmpty();

                watchSet.unreachable = false;
                await().atMost(Duration.ofSeconds(20)).until(() -> statuses.size() == 2);
                await().atMost(Duration.ofSeconds(20)).until(() -> readiness(context)
                        .get("predicate-sse-watch-watch").getState() == HealthCheck.State.UP);

                // a leadership taken and lost again while the set cannot be read leaves no reading thread
                cluster.setLeader(false);
                await().until(() -> !readiness(context).containsKey("predicate-sse-watch-watch"));
                watchSet.unreachable = true;
                cluster.setLeader(true);
                await().until(() -> watchLoadThreads().size() == 1);
                cluster.setLeader(false);
                await().until(() -> watchLoadThreads().isEmpty());
            } finally {
                context.stop();
            }
        }
    }

    private static List<String> watchLoadThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.contains("PredicateWatchLoad")).toList();
    }

    private static Map<String, HealthCheck.Result> readiness(CamelContext context) {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .collect(Collectors.toMap(result -> result.getCheck().getId(), result -> result));
    }

    /** A shared watch set whose database is out of reach while the test says so. */
    private static final class UnreachableWatchRepository implements WatchRepository {
        private final MemoryWatchRepository stored = new MemoryWatchRepository();
        volatile boolean unreachable;

        @Override
        public List<WatchedSession> load(String watchSet) throws SQLException {
            if (unreachable) {
                throw new SQLException("Connection is broken", "08001");
            }
            return stored.load(watchSet);
        }

        @Override
        public void add(String watchSet, WatchedSession session) {
            stored.add(watchSet, session);
        }

        @Override
        public void delivered(String watchSet, String sessionId, String statusJson) {
            stored.delivered(watchSet, sessionId, statusJson);
        }

        @Override
        public void remove(String watchSet, String sessionId) {
            stored.remove(watchSet, sessionId);
        }
    }

}
