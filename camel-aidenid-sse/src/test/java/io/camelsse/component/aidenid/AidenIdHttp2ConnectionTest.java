/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelsse.component.sse.RecordingExceptionHandler;
import io.camelsse.component.sse.SimulatorTrust;
import io.camelsse.component.sse.connection.StreamState;
import io.camelsse.component.sse.connection.StreamStatus;
import io.camelsse.simulator.Fault;
import io.camelsse.simulator.SimulatedAidenIdEvent;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.Vendor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several AidenID routes whose streams share one HTTP/2 connection (TLS): what happens to one stream, or to the
 * connection, and what the routes get.
 */
class AidenIdHttp2ConnectionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final List<Throwable> reported = new CopyOnWriteArrayList<>();
    private final Map<String, List<Exchange>> received = new ConcurrentHashMap<>();
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
    void aServerRestartEndsEveryStreamOfTheConnectionAndEachRouteResumesLosingAndRepeatingNothing() throws Exception {
        start(SseSimulator.builder(), Duration.ZERO);
        List<String> routes = routesOnOneConnection(3, "");
        sim.aidenId().publishIdentityCreated("ident_1");
        sim.aidenId().publishIdentityCreated("ident_2");
        awaitEveryRouteHasAll(routes);

        sim.stopListening();
        await().atMost(WAIT).until(() -> routes.stream().allMatch(r -> status(r).state() != StreamState.CONNECTED));
        sim.aidenId().publishIdentityCreated("ident_3");
        sim.aidenId().publishIdentityExpired("ident_1");
        sim.startListening();

        awaitEveryRouteHasAll(routes);
        for (String route : routes) {
            assertThat(ids(route)).as(route).containsExactlyElementsOf(publishedIds());
            assertThat(status(route).reconnectCount()).as(route).isGreaterThanOrEqualTo(1);
        }
        await().atMost(WAIT).until(() -> sim.stats().openStreams(Vendor.AIDENID) == routes.size());
        assertThat(reported).as("a restart is transient").isEmpty();
    }

    @Test
    void aStreamBeyondTheServersStreamLimitRetriesAndConnectsOnceASlotIsFree() throws Exception {
        start(SseSimulator.builder().maxConcurrentStreamsPerConnection(2), Duration.ZERO);
        List<String> routes = routesOnOneConnection(2, "");
        String third = addRoute("r2", "");
        // the JDK client knows the limit and refuses the request itself; the stream retries with backoff
        await().atMost(WAIT).until(() -> status(third).reconnectCount() >= 2);
        StreamStatus waiting = status(third);
        assertThat(waiting.state()).isNotEqualTo(StreamState.CONNECTED);
        System.out.println("beyond the limit: " + waiting);
        sim.aidenId().publishIdentityCreated("ident_1");
        awaitEveryRouteHasAll(routes);

        context.getRouteController().stopRoute(routes.get(0));
        await().atMost(WAIT).until(() -> status(third).state() == StreamState.CONNECTED);
        await().atMost(WAIT).until(() -> sim.stats().openStreams(Vendor.AIDENID) == 2);
        // it never had a connection, so it starts with new events
        String afterConnect = sim.aidenId().publishIdentityCreated("ident_2");
        awaitEveryRouteHasAll(List.of(routes.get(1)));
        await().atMost(WAIT).until(() -> ids(third).size() == 1);
        assertThat(ids(third)).containsExactly(afterConnect);
        assertThat(ids(routes.get(1))).containsExactlyElementsOf(publishedIds());
        assertThat(status(routes.get(1)).reconnectCount()).isZero();
        assertThat(sim.stats().http2Connections()).isEqualTo(1);
        assertThat(reported).as("a stream refused at the limit is transient").isEmpty();
    }

    @Test
    void aReadTimeoutOnOneSilentStreamReconnectsThatStreamOnly() throws Exception {
        start(SseSimulator.builder(), Duration.ofMillis(100));
        List<String> routes = routesOnOneConnection(2, "&readTimeout=1000");
        // silent once it has an event, so that it has an ID to resume after
        sim.faults().nextStream(Vendor.AIDENID, Fault.stallAfterEvents(1, Duration.ofSeconds(30)));
        String silent = addRoute("r2", "&readTimeout=1000");
        await().atMost(WAIT).until(() -> status(silent).state() == StreamState.CONNECTED);
        await().atMost(WAIT).until(() -> sim.stats().openStreams(Vendor.AIDENID) == 3);
        sim.aidenId().publishIdentityCreated("ident_1");
        await().atMost(WAIT).until(() -> ids(silent).size() == 1);
        // held back on the silent stream, while the others get it and their keep-alives
        sim.aidenId().publishIdentityCreated("ident_2");
        awaitEveryRouteHasAll(routes);

        await().atMost(WAIT).until(() -> ids(silent).size() == publishedIds().size());
        assertThat(status(silent).reconnectCount()).isEqualTo(1);
        assertThat(ids(silent)).containsExactlyElementsOf(publishedIds());
        for (String route : routes) {
            assertThat(status(route).reconnectCount()).as(route).isZero();
        }
        assertThat(sim.stats().http2Connections()).as("the timeout left the connection up").isEqualTo(1);
        assertThat(reported).isEmpty();
    }

    @Test
    void aStreamResetMidEventLosesAndRepeatsNothingAndLeavesTheOthersAlone() throws Exception {
        start(SseSimulator.builder(), Duration.ZERO);
        List<String> routes = routesOnOneConnection(2, "");
        sim.faults().nextStream(Vendor.AIDENID, Fault.dropMidEvent(2));
        String reset = addRoute("r2", "");
        await().atMost(WAIT).until(() -> sim.stats().openStreams(Vendor.AIDENID) == 3);
        for (int i = 0; i < 5; i++) {
            sim.aidenId().publishIdentityCreated("ident_" + i);
        }
        List<String> all = new ArrayList<>(routes);
        all.add(reset);
        awaitEveryRouteHasAll(all);
        for (String route : all) {
            assertThat(ids(route)).as(route).containsExactlyElementsOf(publishedIds());
        }
        assertThat(status(reset).reconnectCount()).isEqualTo(1);
        for (String route : routes) {
            assertThat(status(route).reconnectCount()).as(route).isZero();
        }
        assertThat(sim.stats().http2Connections()).as("the reset left the connection up").isEqualTo(1);
        assertThat(reported).isEmpty();
    }

    @Test
    void stoppingAndStartingOneRouteLeavesTheOtherStreamsOfTheConnectionRunning() throws Exception {
        start(SseSimulator.builder(), Duration.ZERO);
        List<String> routes = routesOnOneConnection(3, "");
        sim.aidenId().publishIdentityCreated("ident_1");
        awaitEveryRouteHasAll(routes);

        String cycled = routes.get(1);
        context.getRouteController().stopRoute(cycled);
        await().atMost(WAIT).until(() -> sim.stats().openStreams(Vendor.AIDENID) == 2);
        sim.aidenId().publishIdentityCreated("ident_2");
        awaitEveryRouteHasAll(List.of(routes.get(0), routes.get(2)));
        context.getRouteController().startRoute(cycled);
        sim.aidenId().publishIdentityCreated("ident_3");
        awaitEveryRouteHasAll(routes);
        for (String route : routes) {
            assertThat(ids(route)).as(route).containsExactlyElementsOf(publishedIds());
        }
        assertThat(status(routes.get(0)).reconnectCount()).isZero();
        assertThat(status(routes.get(2)).reconnectCount()).isZero();
        assertThat(sim.stats().http2Connections()).isEqualTo(1);

        String name = context.getName();
        context.stop();
        await().atMost(WAIT).until(() -> sim.stats().openStreams(Vendor.AIDENID) == 0);
        await().atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().contains(name)));
        assertThat(reported).isEmpty();
    }

    private void start(SseSimulator.Builder builder, Duration keepAlive) throws Exception {
        sim = builder.tls(true).keepAliveInterval(keepAlive).aidenIdRetry(Duration.ofMillis(20)).build().start();
        context = new DefaultCamelContext();
        context.getRegistry().bind("recordingHandler", new RecordingExceptionHandler(reported));
        context.getRegistry().bind("tls", SimulatorTrust.trusting(sim, dir));
        context.start();
    }

    /** Routes r0.. started one after the other once the first is connected, so that they share its connection. */
    private List<String> routesOnOneConnection(int count, String options) throws Exception {
        List<String> routes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String route = addRoute("r" + i, options);
            await().atMost(WAIT).until(() -> status(route) != null && status(route).state() == StreamState.CONNECTED);
            routes.add(route);
        }
        int streams = count;
        await().atMost(WAIT).until(() -> sim.stats().openStreams(Vendor.AIDENID) == streams);
        assertThat(sim.stats().http2Connections()).isEqualTo(1);
        return routes;
    }

    private String addRoute(String routeId, String options) throws Exception {
        List<Exchange> exchanges = new CopyOnWriteArrayList<>();
        received.put(routeId, exchanges);
        // another endpoint for each route: Camel allows one consumer per endpoint
        String uri = "aidenid-sse:stream?baseUrl=" + sim.baseUrl() + "&apiKey=" + SseSimulator.AIDENID_API_KEY
                     + "&orgId=" + SseSimulator.AIDENID_ORG_ID + "&projectId=" + SseSimulator.AIDENID_PROJECT_ID
                     + "&reconnectDelay=" + (20 + routeId.hashCode() % 7) + "&maxReconnectDelay=200"
                     + "&exceptionHandler=#recordingHandler&sslContextParameters=#tls" + options;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).process(exchanges::add);
            }
        });
        return routeId;
    }

    private StreamStatus status(String routeId) {
        AidenIdSseConsumer consumer = (AidenIdSseConsumer) context.getRoute(routeId).getConsumer();
        return consumer.streamStatus();
    }

    private void awaitEveryRouteHasAll(List<String> routes) {
        await().atMost(WAIT).until(() -> routes.stream().allMatch(r -> ids(r).size() >= publishedIds().size()));
    }

    private List<String> publishedIds() {
        return sim.aidenId().events().stream().map(SimulatedAidenIdEvent::id).toList();
    }

    private List<String> ids(String routeId) {
        return received.get(routeId).stream()
                .map(e -> e.getMessage().getHeader(AidenIdSseConstants.EVENT_ID, String.class)).toList();
    }
}
