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
 * A graceful stop of a leader, in one JVM with a real ZooKeeper: {@code master:} stops its route's processors before the consumer it wraps,
 * and an exchange still in the route then ends rejected although its work was done. The event in the route when the
 * context begins to stop must finish and move the position, or the next leader processes it again.
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
            CountDownLatch stopBegun = new CountDownLatch(1);
            // added before the components add theirs, so it learns first that the context begins to stop
            context.addLifecycleStrategy(new LifecycleStrategySupport() {
                @Override
                public void onContextStopping(CamelContext stopping) {
                    stopBegun.countDown();
                }
            });
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
                                    holdUntilTheRouteProcessorStops(context, stopBegun);
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

    /**
     * Keeps the exchange in the route until the context begins to stop, and then until Camel stops the route's
     * processors, at most a second: with the drain, they stop only once the exchange is done, so the second passes;
     * without it, they stop at once.
     */
    private static void holdUntilTheRouteProcessorStops(CamelContext context, CountDownLatch stopBegun)
            throws InterruptedException {
        StatefulService processor = (StatefulService) context.getRoute("aidenid-events").getProcessor();
        assertThat(stopBegun.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(5))
                    .until(() -> processor.isStopping() || processor.isStopped());
        } catch (ConditionTimeoutException stillRunning) {
            // the expected way out when the drain waits for this exchange
        }
    }
}
