/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.time.Duration;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.camelsse.component.sse.SseComponent;
import io.camelsse.component.sse.fixture.FixtureServer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.concurrent.SizedScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The component's scheduler keeps no periodic work once no stream needs it: no sweep outlives the routes. */
class StreamSchedulerTest {

    private FixtureServer server;
    private CamelContext context;

    @BeforeEach
    void start() throws Exception {
        server = new FixtureServer();
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() throws Exception {
        context.stop();
        server.close();
    }

    @Test
    void noSweepIsLeftAfterAReadTimeoutOnceTheRouteStops() throws Exception {
        // silent after a comment, so the read timeout fires; then the server is down, so no stream connects again
        server.enqueue(c -> c.eventStream().raw(": hello\n\n").holdOpen(30, TimeUnit.SECONDS));
        server.otherwise(c -> c.respond(503, "text/plain", "down"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("sse:" + server.url("/events") + "?readTimeout=300&reconnectDelay=5s&maxReconnectDelay=5s")
                        .routeId("r").to("log:never");
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> server.requests().size() >= 2);

        context.getRouteController().stopRoute("r");

        StreamScheduler scheduler = context.getComponent("sse", SseComponent.class).scheduler();
        ScheduledThreadPoolExecutor executor = scheduler.executor() instanceof SizedScheduledExecutorService sized
                ? sized.getScheduledThreadPoolExecutor() : (ScheduledThreadPoolExecutor) scheduler.executor();
        // the sweep is the scheduler's only periodic task
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(executor.getQueue())
                .as("a read-timeout sweep with no stream to watch")
                .noneMatch(task -> task instanceof RunnableScheduledFuture<?> future && future.isPeriodic()));
    }
}
