/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.chaos;

import io.camelsse.component.sse.RecordingExceptionHandler;
import io.camelsse.component.sse.SseConstants;
import io.camelsse.component.sse.connection.StreamState;
import io.camelsse.component.sse.connection.StreamStatus;
import io.camelsse.component.sse.support.SseConsumerSupport;
import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.ScriptStart;
import io.camelsse.simulator.SimulatedAidenIdEvent;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.Step;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One Camel context with all three components on one simulator: an {@code aidenid-sse:} route, Predicate routes each
 * on its own scripted session, and {@code sse:} routes on the AidenID stream with the AidenID headers in the URI.
 * Every route records what it delivers, so the invariants can be checked against what the simulator published.
 */
final class ChaosRig implements AutoCloseable {

    static final String AIDENID_ROUTE = "aidenid";
    static final String REPOSITORY_BEAN = "chaosPositions";
    private static final String HANDLER_BEAN = "chaosReported";
    private static final List<String> TERMINAL = List.of("completed", "rejected", "failed");

    final SseSimulator sim;
    final CamelContext context;
    final long seed;
    final List<String> aidenIdDelivered = Collections.synchronizedList(new ArrayList<>());
    final Map<String, List<String>> sseDelivered = new LinkedHashMap<>();
    final Map<String, PredicateSession> predicateSessions = new LinkedHashMap<>();
    final Map<String, List<String>> predicateDelivered = new ConcurrentHashMap<>();
    final List<Throwable> reported = new CopyOnWriteArrayList<>();
    private StateRepository<String, String> repository;

    private ChaosRig(SseSimulator sim, long seed) {
        this.sim = sim;
        this.seed = seed;
        this.context = new DefaultCamelContext();
    }

    static Builder builder(SseSimulator sim, long seed) {
        return new Builder(sim, seed);
    }

    /** What goes into one context. */
    static final class Builder {
        private final SseSimulator sim;
        private final long seed;
        private boolean aidenIdRoute = true;
        private String aidenIdOptions = "";
        private int predicateRoutes = 10;
        private ScriptStart scriptStart = ScriptStart.ON_FIRST_CONNECTION;
        private int sseRoutes = 3;
        private String streamOptions = "reconnectDelay=50&maxReconnectDelay=1000";
        private StateRepository<String, String> repository = new MemoryStateRepository();

        private Builder(SseSimulator sim, long seed) {
            this.sim = sim;
            this.seed = seed;
        }

        Builder aidenIdRoute(boolean on) {
            this.aidenIdRoute = on;
            return this;
        }

        /** Options of the aidenid route only, e.g. {@code lastEventId=evt_000000}. */
        Builder aidenIdOptions(String options) {
            this.aidenIdOptions = options;
            return this;
        }

        Builder predicateRoutes(int count, ScriptStart start) {
            this.predicateRoutes = count;
            this.scriptStart = start;
            return this;
        }

        Builder sseRoutes(int count) {
            this.sseRoutes = count;
            return this;
        }

        /** Options every route gets, such as the backoff and the read timeout. */
        Builder streamOptions(String options) {
            this.streamOptions = options;
            return this;
        }

        Builder repository(StateRepository<String, String> repository) {
            this.repository = repository;
            return this;
        }

        ChaosRig build() throws Exception {
            ChaosRig rig = new ChaosRig(sim, seed);
            rig.configure(this);
            return rig;
        }
    }

    private void configure(Builder b) throws Exception {
        context.getShutdownStrategy().setTimeout(10);
        repository = b.repository;
        context.getRegistry().bind(REPOSITORY_BEAN, repository);
        context.getRegistry().bind(HANDLER_BEAN, new RecordingExceptionHandler(reported));
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < b.predicateRoutes; i++) {
            PredicateSession session = sim.predicate().newSession().script(timeline(random)).scriptStart(b.scriptStart).create();
            predicateSessions.put("predicate-" + i, session);
            predicateDelivered.put(session.id(), new CopyOnWriteArrayList<>());
        }
        for (int i = 0; i < b.sseRoutes; i++) {
            sseDelivered.put("sse-" + i, Collections.synchronizedList(new ArrayList<>()));
        }
        String common = b.streamOptions + "&exceptionHandler=#" + HANDLER_BEAN;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (b.aidenIdRoute) {
                    from(aidenIdUri(sim, common + "&lastEventIdRepository=#" + REPOSITORY_BEAN
                                         + (b.aidenIdOptions.isEmpty() ? "" : "&" + b.aidenIdOptions)))
                            .routeId(AIDENID_ROUTE)
                            .process(e -> aidenIdDelivered.add(eventId(e)));
                }
                predicateSessions.forEach((routeId, session) -> from("predicate-sse:individual/" + session.id()
                                                                      + "?baseUrl=" + sim.baseUrl() + "&apiKey="
                                                                      + SseSimulator.PREDICATE_API_KEY + "&" + common)
                        .routeId(routeId)
                        .process(e -> predicateDelivered.get(session.id())
                                .add(e.getMessage().getHeader("CamelPredicateStatus", String.class))));
                // a header of its own makes each URI, and so each endpoint, distinct: Camel allows one consumer per endpoint
                sseDelivered.forEach((routeId, ids) -> from(sseUri(sim, common + "&lastEventId=evt_000000&header.X-Chaos-Route=" + routeId))
                        .routeId(routeId)
                        .process(e -> ids.add(eventId(e))));
            }
        });
    }

    static String aidenIdUri(SseSimulator sim, String options) {
        return "aidenid-sse:stream?baseUrl=" + sim.baseUrl() + "&apiKey=" + SseSimulator.AIDENID_API_KEY
               + "&orgId=" + SseSimulator.AIDENID_ORG_ID + "&projectId=" + SseSimulator.AIDENID_PROJECT_ID
               + "&" + options;
    }

    static String sseUri(SseSimulator sim, String options) {
        return "sse:" + sim.aidenIdStreamUrl()
               + "?header.Authorization=" + encode("Bearer " + SseSimulator.AIDENID_API_KEY)
               + "&header.X-Org-Id=" + SseSimulator.AIDENID_ORG_ID
               + "&header.X-Project-Id=" + SseSimulator.AIDENID_PROJECT_ID + "&" + options;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String eventId(Exchange e) {
        return e.getMessage().getHeader(SseConstants.EVENT_ID, String.class);
    }

    /** Two to four steps, 100 to 500 ms apart, ending in completed or rejected. */
    private static Step[] timeline(SplittableRandom random) {
        List<Step> steps = new ArrayList<>();
        int middle = 1 + random.nextInt(3);
        for (int i = 0; i < middle; i++) {
            steps.add(Step.after(Duration.ofMillis(100 + random.nextInt(400)), i % 2 == 0 ? "submitted" : "retry"));
        }
        steps.add(Step.after(Duration.ofMillis(100 + random.nextInt(400)), random.nextBoolean() ? "completed" : "rejected"));
        return steps.toArray(new Step[0]);
    }

    // ---- running ------------------------------------------------------------------------------

    ChaosRig start() {
        context.start();
        return this;
    }

    /**
     * Stops the whole context and starts it again. The beans go back into the registry first: a stopped
     * DefaultCamelContext empties its registry. An sse: route may start over from its lastEventId, so what each sse
     * route delivered is compared from its new start on.
     */
    void restartContext(Duration pause) {
        context.stop();
        sseDelivered.values().forEach(List::clear);
        // spacing the stop and the start, not waiting for anything
        java.util.concurrent.locks.LockSupport.parkNanos(pause.toNanos());
        context.getRegistry().bind(REPOSITORY_BEAN, repository);
        context.getRegistry().bind(HANDLER_BEAN, new RecordingExceptionHandler(reported));
        context.start();
    }

    /** Waits until the simulator has accepted as many streams as this rig has (some may have dropped since). */
    void awaitAllAccepted(Duration atMost) {
        int expected = streams();
        await("all " + expected + " streams accepted by the simulator").atMost(atMost).pollInterval(Duration.ofMillis(50))
                .until(() -> sim.stats().acceptedStreams() >= expected);
    }

    int streams() {
        return (context.getRoute(AIDENID_ROUTE) != null ? 1 : 0) + predicateSessions.size() + sseDelivered.size();
    }

    /**
     * Waits until the simulator has every stream of this rig open, counting a Predicate stream that has already
     * delivered its final status and ended: its timeline starts with its connection, and on a busy machine it may be
     * over before the last stream of the rig connects.
     */
    void awaitAllConnected(Duration atMost) {
        int expected = streams();
        await("all " + expected + " streams open on the simulator, or ended after their final status")
                .atMost(atMost).pollInterval(Duration.ofMillis(50))
                .until(() -> sim.stats().openStreams() + endedAfterFinalStatus() >= expected);
    }

    private long endedAfterFinalStatus() {
        return predicateSessions.values().stream()
                .filter(session -> session.openStreams() == 0 && finalStatusDelivered(session)).count();
    }

    SseConsumerSupport consumer(String routeId) {
        Route route = context.getRoute(routeId);
        return route == null ? null : (SseConsumerSupport) route.getConsumer();
    }

    /** Routes whose stream ended for good although nothing says it should (a Predicate stream ends after its final status). */
    List<String> endedStreams() {
        List<String> ended = new ArrayList<>();
        for (Route route : context.getRoutes()) {
            StreamStatus status = ((SseConsumerSupport) route.getConsumer()).streamStatus();
            PredicateSession session = predicateSessions.get(route.getRouteId());
            boolean finalDelivered = session != null && finalStatusDelivered(session);
            if (status != null && !finalDelivered && (status.state() == StreamState.STOPPED
                                                      || status.state() == StreamState.CLOSED
                                                      || status.state() == StreamState.FAILED)) {
                ended.add(route.getRouteId() + "=" + status.state());
            }
        }
        return ended;
    }

    long reconnects() {
        long sum = 0;
        for (Route route : context.getRoutes()) {
            StreamStatus status = ((SseConsumerSupport) route.getConsumer()).streamStatus();
            if (status != null) {
                sum += status.reconnectCount();
            }
        }
        return sum;
    }

    boolean finalStatusDelivered(PredicateSession session) {
        List<String> delivered = predicateDelivered.get(session.id());
        return TERMINAL.contains(session.status()) && !delivered.isEmpty()
               && delivered.get(delivered.size() - 1).equals(session.status());
    }

    List<String> published() {
        return sim.aidenId().events().stream().map(SimulatedAidenIdEvent::id).toList();
    }

    // ---- invariants ---------------------------------------------------------------------------

    /**
     * Waits (bounded) until every consumer has delivered the last published event and every Predicate session its
     * final status, then checks: AidenID events in order, none lost, none duplicated, on the aidenid route and on
     * every sse route; every session's final status delivered; no stream ended; no permanent failure reported.
     */
    void assertCaughtUpAndSafe(String scenario, Duration atMost, ChaosLedger ledger) {
        try {
            await(scenario + ": every consumer caught up").atMost(atMost).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertSafe(scenario, true));
        } finally {
            record(ledger);
        }
        assertSafe(scenario, true);
    }

    /**
     * As {@link #assertCaughtUpAndSafe}, but each sse route is checked from the first event it delivered since the
     * context last started (an sse: route may start over from its lastEventId): from there, every event once, in order.
     */
    void assertCaughtUpSinceLastStart(String scenario, Duration atMost, ChaosLedger ledger) {
        try {
            await(scenario + ": every consumer caught up").atMost(atMost).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertSafe(scenario, false));
        } finally {
            record(ledger);
        }
        assertSafe(scenario, false);
    }

    private void assertSafe(String scenario, boolean sseExactlyOnce) {
        String where = scenario + " (seed " + seed + "): ";
        List<String> published = published();
        if (context.getRoute(AIDENID_ROUTE) != null) {
            ExactlyOnceCheck aiden = ExactlyOnceCheck.of("aidenid-sse", published, List.copyOf(aidenIdDelivered));
            assertThat(aiden.exactlyOnceInOrder()).as(where + aiden).isTrue();
        }
        for (Map.Entry<String, List<String>> e : sseDelivered.entrySet()) {
            List<String> delivered = List.copyOf(e.getValue());
            List<String> expected = published;
            if (!sseExactlyOnce) {
                int from = delivered.isEmpty() ? published.size() : Math.max(0, published.indexOf(delivered.get(0)));
                expected = published.subList(from, published.size());
            }
            ExactlyOnceCheck check = ExactlyOnceCheck.of(e.getKey(), expected, delivered);
            assertThat(check.exactlyOnceInOrder()).as(where + check).isTrue();
        }
        for (PredicateSession session : predicateSessions.values()) {
            assertThat(finalStatusDelivered(session))
                    .as(where + "Predicate session " + session.id() + " is " + session.status() + ", delivered "
                        + predicateDelivered.get(session.id()))
                    .isTrue();
        }
        assertThat(endedStreams()).as(where + "streams that ended").isEmpty();
        assertThat(reported).as(where + "failures reported to the routes").isEmpty();
    }

    private void record(ChaosLedger ledger) {
        List<String> published = published();
        if (context.getRoute(AIDENID_ROUTE) != null) {
            ledger.countAidenId(ExactlyOnceCheck.of("aidenid-sse", published, List.copyOf(aidenIdDelivered)));
        }
        ledger.predicateSessions.addAndGet(predicateSessions.size());
        ledger.predicateFinal.addAndGet(predicateSessions.values().stream().filter(this::finalStatusDelivered).count());
        ledger.sseStreams.addAndGet(sseDelivered.size());
        ledger.reconnects.addAndGet(reconnects());
    }

    @Override
    public void close() {
        context.stop();
    }
}
