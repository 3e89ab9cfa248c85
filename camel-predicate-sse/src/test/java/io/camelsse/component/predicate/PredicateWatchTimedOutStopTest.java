/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.ScriptStart;
import io.camelsse.simulator.SseSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A route stop whose timeout runs out while an event is still in the route (Camel then interrupts the stop) releases
 * the watch consumer's threads and HTTP clients all the same.
 */
class PredicateWatchTimedOutStopTest extends PredicateWatchTestSupport {

    @Test
    void aTimedOutRouteStopLeavesNoPredicateWatchThread() throws Exception {
        CountDownLatch inRoute = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CamelContext camel = new DefaultCamelContext();
        PredicateSseComponent component = camel.getComponent("predicate-sse", PredicateSseComponent.class);
        component.setApiKey(SseSimulator.PREDICATE_API_KEY);
        component.setBaseUrl(SIM.baseUrl());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("predicate-sse:watch?reconnectDelay=10&maxConnectsPerSecond=0").routeId("watch")
                        .process(e -> {
                            inRoute.countDown();
                            release.await(20, TimeUnit.SECONDS);
                        });
                from("direct:watch").to("predicate-sse:watch");
            }
        });
        camel.start();
        context = camel;
        PredicateSession session = SIM.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();
        template().sendBodyAndHeader("direct:watch", null, PredicateSseConstants.SESSION_ID, session.id());
        assertThat(inRoute.await(10, TimeUnit.SECONDS)).isTrue();

        try {
            camel.getRouteController().stopRoute("watch", 1, TimeUnit.SECONDS);
        } finally {
            // the thread that holds the event is one of the pool's: once it lets go, none may be left
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> predicateWatchThreads().isEmpty());
    }

    private static List<String> predicateWatchThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.contains("PredicateWatch")).toList();
    }
}
