/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.camelsse.component.sse.connection.StreamState;
import io.camelsse.component.sse.connection.StreamStatus;
import io.camelsse.component.sse.support.SseConsumerSupport;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.Vendor;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * sse: routes that start together over TLS + HTTP/2, more of them than the server allows streams on a connection:
 * every route ends up streaming, and no connection carries more streams than the limit. (A route that starts once
 * the connection is full retries until a stream is free: AidenIdHttp2ConnectionTest.)
 */
class SseHttp2StreamLimitTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final List<Throwable> reported = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();
    private SseSimulator sim;
    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void routesStartedTogetherBeyondTheStreamLimitAllEndUpStreaming() throws Exception {
        sim = SseSimulator.builder().tls(true).maxConcurrentStreamsPerConnection(2).keepAliveInterval(Duration.ZERO)
                .build().start();
        context = new DefaultCamelContext();
        context.getRegistry().bind("tls", SimulatorTrust.trusting(sim, dir));
        context.getRegistry().bind("recordingHandler", new RecordingExceptionHandler(reported));
        List<String> routes = IntStream.range(0, 4).mapToObj(i -> "r" + i).toList();
        for (String route : routes) {
            addRoute(route);
        }
        // all at once, before the client has the server's SETTINGS
        context.start();

        // the JDK client opens a connection for each request sent before it has one, or finds the limit on a shared
        // one and fails the requests beyond it: either way every route ends up streaming
        await().atMost(WAIT).until(() -> connected(routes).size() == routes.size());
        await().atMost(WAIT).until(() -> sim.stats().openStreams(Vendor.AIDENID) == routes.size());
        assertThat(sim.stats().maxStreamsOnOneConnection()).isLessThanOrEqualTo(2);
        String id = sim.aidenId().publishIdentityCreated("ident_1");
        await().atMost(WAIT).until(() -> routes.stream().allMatch(r -> received.get(r).size() == 1));
        for (String route : routes) {
            assertThat(received.get(route)).as(route).containsExactly(id);
        }
        assertThat(reported).as("a stream refused at the limit is transient").isEmpty();
        System.out.println("refused by the server: " + sim.stats().refusedStreams() + ", connections: "
                           + sim.stats().http2Connections());
    }

    private List<String> connected(List<String> routes) {
        return routes.stream().filter(r -> {
            StreamStatus status = status(r);
            return status != null && status.state() == StreamState.CONNECTED;
        }).toList();
    }

    private StreamStatus status(String routeId) {
        return ((SseConsumerSupport) context.getRoute(routeId).getConsumer()).streamStatus();
    }

    private void addRoute(String routeId) throws Exception {
        List<String> ids = new CopyOnWriteArrayList<>();
        received.put(routeId, ids);
        String key = URLEncoder.encode("Bearer " + SseSimulator.AIDENID_API_KEY, StandardCharsets.UTF_8);
        String uri = "sse:" + sim.aidenIdStreamUrl() + "?sslContextParameters=#tls&header.Authorization=" + key
                     + "&header.X-Org-Id=" + SseSimulator.AIDENID_ORG_ID + "&header.X-Project-Id="
                     + SseSimulator.AIDENID_PROJECT_ID + "&header.X-Route=" + routeId
                     + "&reconnectDelay=20&maxReconnectDelay=200&exceptionHandler=#recordingHandler";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId)
                        .process(e -> ids.add(e.getMessage().getHeader(SseConstants.EVENT_ID, String.class)));
            }
        });
    }
}
