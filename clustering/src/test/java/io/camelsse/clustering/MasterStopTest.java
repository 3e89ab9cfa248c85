/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.clustering;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.camelsse.component.predicate.MemoryWatchRepository;
import io.camelsse.component.predicate.PredicateSseConstants;
import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.ScriptStart;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.Vendor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.StatefulService;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A graceful stop of a leader, in one JVM with a real ZooKeeper: {@code master:} stops its route's processors before
 * the consumer it wraps, and an exchange still in the route then ends rejected although its work was done. The event
 * in the route when the context begins to stop must finish and move the position, or the next leader processes it
 * again.
 */
class MasterStopTest {

    private static final String POSITION_KEY = "aidenid-sse/" + SseSimulator.AIDENID_ORG_ID + "/"
                                               + SseSimulator.AIDENID_PROJECT_ID;

    @TempDir
    Path dir;

    @Test
    void theEventInTheRouteWhenTheLeaderStopsFinishesAndMovesThePosition() throws Exception {
        try (ClusterServers servers = new ClusterServers(dir);
             Publisher publisher = new Publisher(servers.simulator, 5000)) {
            SseSimulator simulator = servers.simulator;
            CamelContext context = ClusterNode.clusteredContext("node-a", servers.zooKeeper.getConnectString(),
                    ClusterServers.SESSION_TIMEOUT.toMillis());
            MemoryStateRepository positions = new MemoryStateRepository();
            context.getRegistry().bind("positions", positions);
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            context.getRegistry().bind("meters", meters);
            List<String> processed = new CopyOnWriteArrayList<>();
            AtomicBoolean holdNext = new AtomicBoolean();
            CountDownLatch held = new CountDownLatch(1);
            AtomicReference<String> heldId = new AtomicReference<>();
            CountDownLatch stopBegun = stopSignal(context);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("master:aidenid-events:aidenid-sse:stream?baseUrl=" + simulator.baseUrl() + "&apiKey="
                         + SseSimulator.AIDENID_API_KEY + "&orgId=" + SseSimulator.AIDENID_ORG_ID + "&projectId="
                         + SseSimulator.AIDENID_PROJECT_ID + "&lastEventIdRepository=#positions")
                            .routeId("aidenid-events")
                            .process(exchange -> {
                                String id = exchange.getMessage().getHeader("CamelSseEventId", String.class);
                                processed.add(id);
                                if (holdNext.compareAndSet(true, false)) {
                                    heldId.set(id);
                                    held.countDown();
                                    holdUntilTheRouteProcessorStops(context, "aidenid-events", stopBegun);
                                }
                            });
                }
            });
            context.start();
            try {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> simulator.stats().openStreams(Vendor.AIDENID) == 1);
                publisher.start(10);
                await().atMost(Duration.ofSeconds(30)).until(() -> processed.size() >= 10);
                holdNext.set(true);
                assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
                assertThat(meters.find("camel.sse.events.delivered").tag("routeId", "aidenid-events").functionCounter())
                        .as("the wrapped consumer's meters are named after the route: %s", meters.getMeters())
                        .isNotNull();
            } finally {
                context.stop();
            }

            assertThat(positions.getState(POSITION_KEY)).as("the position after the leader stopped")
                    .isEqualTo(heldId.get());
            assertThat(processed).as("nothing is routed once the context stops").endsWith(heldId.get());
        }
    }

    @Test
    void theStatusInTheRouteWhenTheLeaderStopsIsRecordedAsDelivered() throws Exception {
        try (ClusterServers servers = new ClusterServers(dir)) {
            SseSimulator simulator = servers.simulator;
            PredicateSession session = simulator.predicate()
                    .createSessions(1, b -> b.scriptStart(ScriptStart.MANUAL)).get(0);
            CamelContext context = ClusterNode.clusteredContext("node-a", servers.zooKeeper.getConnectString(),
                    ClusterServers.SESSION_TIMEOUT.toMillis());
            MemoryWatchRepository sessions = new MemoryWatchRepository();
            context.getRegistry().bind("sessions", sessions);
            List<String> processed = new CopyOnWriteArrayList<>();
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch stopBegun = stopSignal(context);
            String watch = "predicate-sse:watch/held?watchRepository=#sessions&baseUrl=" + simulator.baseUrl()
                           + "&apiKey=" + SseSimulator.PREDICATE_API_KEY + "&maxConnectsPerSecond=0";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("master:predicate-watch:" + watch).routeId("predicate-watch")
                            .process(exchange -> {
                                String status = exchange.getMessage().getHeader(PredicateSseConstants.STATUS,
                                        String.class);
                                processed.add(status);
                                if (status.equals("submitted")) {
                                    held.countDown();
                                    holdUntilTheRouteProcessorStops(context, "predicate-watch", stopBegun);
                                }
                            });
                    from("direct:watch").to(watch);
                }
            });
            context.start();
            try {
                // the session is opened once this node leads
                context.createProducerTemplate().sendBodyAndHeader("direct:watch", null,
                        PredicateSseConstants.SESSION_ID, session.id());
                await().atMost(Duration.ofSeconds(30)).until(() -> processed.contains("pending"));
                session.status("submitted");
                assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                context.stop();
            }

            assertThat(sessions.load("held")).singleElement()
                    .satisfies(s -> assertThat(s.lastDeliveredJson()).as("the last status recorded for the session")
                            .contains("submitted"));
            assertThat(processed).containsExactly("pending", "submitted");
        }
    }

    /** Counts down when the context begins to stop, before the components learn it (they register later). */
    private static CountDownLatch stopSignal(CamelContext context) {
        CountDownLatch stopBegun = new CountDownLatch(1);
        context.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopping(CamelContext stopping) {
                stopBegun.countDown();
            }
        });
        return stopBegun;
    }

    /**
     * Keeps the exchange in the route until the context begins to stop, and then until Camel stops the route's
     * processors, at most a second: with the drain, they stop only once the exchange is done, so the second passes;
     * without it, they stop at once.
     */
    private static void holdUntilTheRouteProcessorStops(CamelContext context, String routeId,
                                                        CountDownLatch stopBegun) throws InterruptedException {
        StatefulService processor = (StatefulService) context.getRoute(routeId).getProcessor();
        assertThat(stopBegun.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(5))
                    .until(() -> processor.isStopping() || processor.isStopped());
        } catch (ConditionTimeoutException stillRunning) {
            // the expected way out when the drain waits for this exchange
        }
    }
}
