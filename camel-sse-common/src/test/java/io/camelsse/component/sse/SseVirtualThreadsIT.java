/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.JRE;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With Camel's virtual threads turned on ({@code -Dcamel.threads.virtual.enabled=true}, Java 21+), the threads that
 * read streams and route their events, and the scheduler's, are virtual. Runs in a JVM of its own (the failsafe
 * plugin sets the property), since Camel reads it once, when its thread classes load.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
@EnabledIfSystemProperty(named = "camel.threads.virtual.enabled", matches = "true")
class SseVirtualThreadsIT extends SseRouteTestSupport {

    @Test
    void eventsAreRoutedAndDelaysScheduledOnVirtualThreads() throws Exception {
        server.enqueue(c -> {
            c.eventStream().raw("data: a\n\n");
            c.holdOpen(10, TimeUnit.SECONDS);
        });
        route("r", sse("/events", ""), exchange -> exchange.getMessage().setHeader("routedOnVirtualThread",
                isVirtual(Thread.currentThread())));

        await().until(() -> received.size() == 1);
        assertThat(received.get(0).getMessage().getHeader("routedOnVirtualThread")).isEqualTo(true);

        SseComponent component = context.getComponent("sse", SseComponent.class);
        CompletableFuture<Boolean> scheduledOnVirtualThread = new CompletableFuture<>();
        component.scheduler().schedule(() -> scheduledOnVirtualThread.complete(isVirtual(Thread.currentThread())),
                Duration.ofMillis(1));
        assertThat(scheduledOnVirtualThread.get(10, TimeUnit.SECONDS)).isTrue();
    }

    /** {@code Thread.isVirtual()} is Java 21 API; this code compiles for Java 17. */
    private static boolean isVirtual(Thread thread) {
        try {
            return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
