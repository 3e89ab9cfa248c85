/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.camelsse.component.sse.fixture.FixtureServer;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a stream costs and what it leaves behind: memory held back by backpressure, threads per stream, threads and
 * sockets after route restarts.
 */
class SseResourceTest extends SseRouteTestSupport {

    private static final long SERVER_WOULD_WRITE = 64L * 1024 * 1024;

    @Test
    void slowRouteHoldsTheServerBackInsteadOfGrowingTheHeap() throws Exception {
        byte[] event = ("data: " + "x".repeat(2042) + "\n\n").getBytes(StandardCharsets.UTF_8);
        AtomicReference<FixtureServer.Connection> connection = new AtomicReference<>();
        server.enqueue(c -> {
            connection.set(c);
            c.eventStream();
            for (long written = 0; written < SERVER_WOULD_WRITE; written += event.length) {
                c.write(event);
            }
            c.holdOpen(30, TimeUnit.SECONDS);
        });
        CountDownLatch routeMayGoOn = new CountDownLatch(1);
        route("slow", sse("/firehose", ""), exchange -> routeMayGoOn.await(30, TimeUnit.SECONDS));

        await().until(() -> connection.get() != null && connection.get().bytesWritten() > 0);
        AtomicLong previous = new AtomicLong(-1);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> {
            long now = connection.get().bytesWritten();
            return now == previous.getAndSet(now);
        });
        long heldBack = connection.get().bytesWritten();
        // socket buffers on both sides plus one chunk in the client: megabytes, not the 64 MB the server has
        assertThat(heldBack).isLessThan(16L * 1024 * 1024);
        assertThat(received).isEmpty();

        routeMayGoOn.countDown();
        await().atMost(Duration.ofSeconds(60)).until(() -> connection.get().bytesWritten() >= SERVER_WOULD_WRITE);
    }

    @Test
    void eventsReachAnAsynchronousRouteOneAtATimeInOrder() throws Exception {
        StringBuilder stream = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            stream.append("id: ").append(i).append("\ndata: ").append(i).append("\n\n");
        }
        server.enqueue(c -> {
            c.eventStream().raw(stream.toString());
            c.holdOpen(30, TimeUnit.SECONDS);
        });
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(sse("/events", "")).routeId("async")
                        .process(e -> mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max))
                        .delay(1).asyncDelayed()
                        .process(e -> inFlight.decrementAndGet())
                        .process(received::add);
            }
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 200);
        assertThat(bodies()).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 200).mapToObj(String::valueOf).toList());
        assertThat(mostInFlight.get()).isEqualTo(1);
    }

    @Test
    void routeRestartsLeaveNoThreadOrSocketBehind() throws Exception {
        server.otherwise(c -> {
            c.eventStream().raw("data: hello\n\n");
            c.holdOpen(30, TimeUnit.SECONDS);
        });
        route("cycled", sse("/events", "readTimeout=5s"));
        for (int warmUp = 0; warmUp < 5; warmUp++) {
            restartAndAwaitEvent("cycled");
        }
        int baseline = ownThreads();
        long selectorsBefore = selectorThreads();

        for (int cycle = 0; cycle < 100; cycle++) {
            restartAndAwaitEvent("cycled");
        }
        context.getRouteController().stopRoute("cycled");

        await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == 0);
        // the shared HTTP executor may keep an idle worker or two for its keep-alive time after a burst;
        // a leak would grow with the hundred cycles
        await().atMost(Duration.ofSeconds(10)).until(() -> ownThreads() <= baseline + 2);
        // on Java 17 a client's selector thread ends only when the client is collected, so clients of contexts that
        // earlier tests in this JVM stopped may go meanwhile: only a rise is a leak
        assertThat(selectorThreads()).as("one shared HTTP client, not one per start")
                .isLessThanOrEqualTo(selectorsBefore);
    }

    @Test
    void idleStreamsCostNoThreadEach() throws Exception {
        server.otherwise(c -> {
            c.eventStream().raw(": hello\n\n");
            c.holdOpen(60, TimeUnit.SECONDS);
        });
        route("first", sse("/idle/0", ""));
        await().until(() -> server.openConnections() == 1);
        int baseline = ownThreads();

        int streams = 1000;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 1; i < streams; i++) {
                    from(sse("/idle/" + i, "")).routeId("idle-" + i).to("log:never");
                }
            }
        });

        await().atMost(Duration.ofSeconds(60)).until(() -> server.openConnections() == streams);
        // opening 1,000 connections at once may start some workers in the shared pool (they expire when idle);
        // a thread per stream would be a thousand
        assertThat(ownThreads() - baseline).isLessThan(streams / 10);
    }

    private void restartAndAwaitEvent(String routeId) throws Exception {
        int before = received.size();
        context.getRouteController().stopRoute(routeId);
        context.getRouteController().startRoute(routeId);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() > before);
    }

    private static long selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().endsWith("SelectorManager"))
                .count();
    }

    /** Live threads, less the fixture server's and the test tooling's. */
    private static int ownThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> !name.startsWith("fixture-") && !name.startsWith("awaitility"))
                .count();
    }
}
