/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelsse.component.sse.RecordingExceptionHandler;
import io.camelsse.component.sse.SimulatorTrust;
import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.ScriptStart;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.Stats;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 1,000 sessions over TLS and HTTP/2 against a server that allows 100 concurrent streams per connection: the JDK
 * client never opens a second connection by itself, so the watch spreads its sessions over several clients.
 */
class PredicateWatchHttp2Test {

    private static final int SESSIONS = 1_000;

    @TempDir
    Path dir;

    @Test
    void everySessionOpensAndReceivesItsStatusesWithinTheServersStreamLimit() throws Exception {
        try (SseSimulator sim = SseSimulator.builder().tls(true).http2(true).maxConcurrentStreamsPerConnection(100)
                .keepAliveInterval(Duration.ofSeconds(5)).build().start()) {
            List<PredicateSession> sessions = sim.predicate().createSessions(SESSIONS,
                    b -> b.scriptStart(ScriptStart.MANUAL));
            Map<String, AtomicInteger> perSession = new ConcurrentHashMap<>();
            List<Throwable> reported = new CopyOnWriteArrayList<>();
            CamelContext context = new DefaultCamelContext();
            context.getRegistry().bind("tls", SimulatorTrust.trusting(sim, dir));
            context.getRegistry().bind("recordingHandler", new RecordingExceptionHandler(reported));
            PredicateSseComponent component = context.getComponent("predicate-sse", PredicateSseComponent.class);
            component.setApiKey(SseSimulator.PREDICATE_API_KEY);
            component.setBaseUrl(sim.baseUrl());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("predicate-sse:watch?sslContextParameters=#tls&maxConnectsPerSecond=0"
                         + "&exceptionHandler=#recordingHandler&reconnectDelay=100").routeId("watch")
                            .process(e -> perSession.computeIfAbsent(
                                    e.getMessage().getHeader(PredicateSseConstants.SESSION_ID, String.class),
                                    id -> new AtomicInteger()).incrementAndGet());
                    from("direct:many").split(body()).setHeader(PredicateSseConstants.SESSION_ID, body())
                            .to("predicate-sse:watch");
                }
            });
            context.start();
            try {
                long start = System.nanoTime();
                context.createProducerTemplate().sendBody("direct:many",
                        sessions.stream().map(PredicateSession::id).toList());
                await().atMost(Duration.ofSeconds(60)).until(() -> perSession.size() == SESSIONS);
                long opened = System.nanoTime();
                sim.predicate().advanceAll(sessions);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> perSession.values().stream().allMatch(n -> n.get() == 2));
                long advanced = System.nanoTime();

                PredicateWatchConsumer consumer = (PredicateWatchConsumer) context.getRoute("watch").getConsumer();
                Stats stats = sim.stats();
                System.out.printf("%s: %d sessions open in %d ms, all advanced in %d ms; %d HTTP clients,"
                                  + " %d HTTP/2 connections, at most %d streams on one, %d streams refused,"
                                  + " %d stream connections%n",
                        Runtime.version(), SESSIONS, (opened - start) / 1_000_000, (advanced - opened) / 1_000_000,
                        consumer.httpClients(), stats.http2Connections(), stats.maxStreamsOnOneConnection(),
                        stats.refusedStreams(), stats.streamConnections());
                assertThat(reported).isEmpty();
                assertThat(stats.maxStreamsOnOneConnection()).isLessThanOrEqualTo(100);
                assertThat(consumer.httpClients()).isEqualTo((SESSIONS + 89) / 90);
                // one connection per client: streams sent before a client's connection was up would open their own
                assertThat(stats.http2Connections()).isLessThanOrEqualTo(2L * consumer.httpClients());
            } finally {
                context.stop();
            }
        }
    }
}
