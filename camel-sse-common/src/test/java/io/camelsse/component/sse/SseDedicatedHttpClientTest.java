/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code dedicatedHttpClient=true}: the stream reads on a client of its own and routes each event on that client's
 * thread, which serves no other stream, so a route that blocks holds back its own stream only.
 */
class SseDedicatedHttpClientTest extends SseRouteTestSupport {

    private final Map<String, Thread> routedOn = new ConcurrentHashMap<>();

    @Test
    void eachStreamRoutesOnItsOwnThreadAndABlockedRouteHoldsBackOnlyItsStream() throws Exception {
        // the first event may come with the response head, before the reading thread waits for data: the second one
        // is sent once every stream is idle, so that it is read by the thread that waits for it
        CountDownLatch sendSecond = new CountDownLatch(1);
        server.otherwise(c -> {
            String path = c.request().path();
            c.eventStream().raw("data: " + path + " 1\n\n");
            if (sendSecond.await(20, TimeUnit.SECONDS)) {
                c.raw("data: " + path + " 2\n\n");
            }
            c.holdOpen(20, TimeUnit.SECONDS);
        });
        CountDownLatch release = new CountDownLatch(1);
        route("blocked", sse("/blocked", "dedicatedHttpClient=true"), exchange -> {
            String body = exchange.getMessage().getBody(String.class);
            routedOn.put(body, Thread.currentThread());
            if (body.endsWith(" 2")) {
                release.await(20, TimeUnit.SECONDS);
            }
        });
        route("free", sse("/free", "dedicatedHttpClient=true"),
                exchange -> routedOn.put(exchange.getMessage().getBody(String.class), Thread.currentThread()));
        route("shared", sse("/shared", ""),
                exchange -> routedOn.put(exchange.getMessage().getBody(String.class), Thread.currentThread()));
        await().until(() -> routedOn.keySet().containsAll(List.of("/blocked 1", "/free 1", "/shared 1")));

        sendSecond.countDown();
        await().until(() -> routedOn.keySet().containsAll(List.of("/blocked 2", "/free 2", "/shared 2")));
        assertThat(release.getCount()).as("the blocked route is still blocked").isEqualTo(1);
        Thread blocked = routedOn.get("/blocked 2");
        Thread free = routedOn.get("/free 2");
        assertThat(free).isNotSameAs(blocked);
        assertThat(free.getName()).doesNotContain("SseHttpClient");
        assertThat(blocked.getName()).doesNotContain("SseHttpClient");
        assertThat(routedOn.get("/shared 2").getName()).contains("SseHttpClient");

        release.countDown();
        await().until(() -> bodies().contains("/blocked 2"));

        context.getRouteController().stopRoute("free");
        if (Runtime.version().feature() >= 21) {
            // from Java 21 on the client is shut down with its stream; on Java 17 its thread ends once unreachable
            await().atMost(10, TimeUnit.SECONDS).until(() -> !free.isAlive());
        }
        assertThat(reported).isEmpty();
    }

    @Test
    void aDedicatedStreamAddsOneSelectorThreadOnly() throws Exception {
        Set<Thread> before = selectorThreads();
        server.otherwise(c -> {
            c.eventStream().raw("data: a\n\n");
            c.holdOpen(30, TimeUnit.SECONDS);
        });
        route("only-dedicated", sse("/events", "dedicatedHttpClient=true"));
        await().until(() -> received.size() == 1);
        Set<Thread> added = selectorThreads();
        added.removeAll(before);
        assertThat(added).as("its own client's, and no shared client besides").hasSize(1);
    }

    private static Set<Thread> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().endsWith("SelectorManager")).collect(Collectors.toSet());
    }

    @Test
    void reconnectsOnItsOwnClientWithTheLastEventId() throws Exception {
        server.enqueue(c -> c.eventStream().raw("id: 1\ndata: a\n\nid: 2\ndata: b\n\n"))
                .enqueue(c -> {
                    c.eventStream().raw("id: 3\ndata: c\n\n");
                    c.holdOpen(10, TimeUnit.SECONDS);
                });
        route("r", sse("/events", "dedicatedHttpClient=true&reconnectDelay=10"));

        await().until(() -> received.size() == 3);
        assertThat(bodies()).containsExactly("a", "b", "c");
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1).header("Last-Event-ID")).isEqualTo("2");
    }
}
