/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.camelsse.component.sse.RecordingExceptionHandler;
import io.camelsse.component.sse.SimulatorTrust;
import io.camelsse.component.sse.connection.StreamState;
import io.camelsse.component.sse.connection.StreamStatus;
import io.camelsse.simulator.AidenIdEvents;
import io.camelsse.simulator.RecordedRequest;
import io.camelsse.simulator.SimulatedAidenIdEvent;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.Vendor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A route held busy while events keep coming: the consumer stops reading (backpressure), the simulator drops its
 * stream as a slow client, and once the route is free again the consumer reconnects with {@code Last-Event-ID} and
 * the route gets every event exactly once, in order. Over HTTP/1.1 the simulator closes the connection; over HTTP/2
 * (TLS) it resets that one stream, and another route's stream on the same connection goes on.
 */
class AidenIdSlowRouteTest {

    /** Where publishing stops when no stream is dropped, so that the test fails instead of filling the heap. */
    private static final long MAX_PUBLISHED_BYTES = 96L * 1024 * 1024;

    @TempDir
    Path dir;

    private final List<Throwable> reported = new CopyOnWriteArrayList<>();
    private final CountDownLatch busy = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private SseSimulator sim;
    private CamelContext context;

    @AfterEach
    void stop() {
        release.countDown();
        if (context != null) {
            context.stop();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void overHttp11AStreamDroppedWhileTheRouteIsBusyResumesAndLosesOrRepeatsNothing() throws Exception {
        // the connection closes mid-body: only what the sockets held reaches the consumer before the drop
        sim = simulator(64 * 1024, false);
        context = context(null);
        List<Exchange> slow = slowRoute("slow", "");
        awaitConnected("slow", 1);

        String first = sim.aidenId().publishIdentityCreated("ident_slow");
        assertThat(busy.await(5, TimeUnit.SECONDS)).as("the route took the first event").isTrue();
        publishUntil(() -> sim.stats().slowStreamsDropped() >= 1, 16, 16 * 1024, () -> true);
        assertThat(sim.stats().openStreams(Vendor.AIDENID)).isZero();
        // published while the consumer has no stream: it comes with the replay
        sim.aidenId().publishIdentityExpired("ident_slow");
        assertThat(slow).as("the route is still busy with the first event").isEmpty();
        release.countDown();

        List<String> published = publishedIds();
        await().atMost(Duration.ofSeconds(10)).until(() -> slow.size() >= published.size());
        assertThat(ids(slow)).containsExactlyElementsOf(published);
        assertThat(ids(slow).get(0)).isEqualTo(first);
        assertResumedWithLastEventId(sim.requests(Vendor.AIDENID), published, 1);
        assertThat(sim.stats().slowStreamsDropped()).isEqualTo(1);
        assertThat(consumer("slow").streamStatus().reconnectCount()).isEqualTo(1);
        assertThat(reported).as("a dropped connection is transient").isEmpty();
        System.out.printf("HTTP/1.1: %d events (%d MiB), %d slow stream dropped, %d reconnect, resumed after %s%n",
                published.size(), publishedBytes() >> 20, sim.stats().slowStreamsDropped(),
                consumer("slow").streamStatus().reconnectCount(),
                sim.requests(Vendor.AIDENID).get(1).lastEventId());
    }

    @Test
    void overHttp2OnlyTheStreamOfTheBusyRouteIsResetAndItResumesWhileTheOtherGoesOn() throws Exception {
        // above what one round of publishing adds, so that the route that keeps up is never that far behind; the
        // JDK client takes up to its stream window (16 MiB) of a busy route's stream before the simulator holds any
        sim = simulator(2 * 1024 * 1024, true);
        context = context(SimulatorTrust.trusting(sim, dir));
        List<Exchange> slow = slowRoute("slow", "sslContextParameters=#tls");
        awaitConnected("slow", 1);
        // started once the connection is up: both streams share it, as they share the component's HTTP client (another
        // endpoint, since Camel allows one consumer per endpoint)
        List<Exchange> fast = route("fast", "sslContextParameters=#tls&rawPayload=true", exchange -> {
        });
        awaitConnected("fast", 2);
        assertThat(sim.stats().http2Connections()).isEqualTo(1);

        sim.aidenId().publishIdentityCreated("ident_slow");
        assertThat(busy.await(5, TimeUnit.SECONDS)).as("the route took the first event").isTrue();
        // a round at a time, once the other route has the last one: what is queued for its stream stays below the limit
        // however slow the machine, so only the stream of the busy route is far enough behind to be dropped
        publishUntil(() -> sim.stats().slowStreamsDropped() >= 1, 16, 32 * 1024,
                () -> fast.size() == sim.aidenId().events().size());
        sim.aidenId().publishIdentityExpired("ident_slow");
        List<String> published = publishedIds();
        // the other stream was not touched: it has every event while the busy route still waits
        await().atMost(Duration.ofSeconds(10)).until(() -> fast.size() >= published.size());
        assertThat(sim.stats().openStreams(Vendor.AIDENID)).isEqualTo(1);
        assertThat(slow).as("the route is still busy with the first event").isEmpty();
        release.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> slow.size() >= published.size());
        assertThat(ids(slow)).containsExactlyElementsOf(published);
        assertThat(ids(fast)).containsExactlyElementsOf(published);
        assertResumedWithLastEventId(sim.requests(Vendor.AIDENID), published, 2);
        assertThat(sim.stats().slowStreamsDropped()).isEqualTo(1);
        assertThat(consumer("slow").streamStatus().reconnectCount()).isEqualTo(1);
        assertThat(consumer("fast").streamStatus().reconnectCount()).isZero();
        assertThat(sim.stats().http2Connections()).as("the reset left the connection up").isEqualTo(1);
        assertThat(reported).as("a reset stream is transient").isEmpty();
        System.out.printf("HTTP/2: %d events (%d MiB), %d slow stream dropped, %d reconnect, resumed after %s%n",
                published.size(), publishedBytes() >> 20, sim.stats().slowStreamsDropped(),
                consumer("slow").streamStatus().reconnectCount(),
                sim.requests(Vendor.AIDENID).get(2).lastEventId());
    }

    /**
     * The first requests carry no Last-Event-ID; the one after them, the reconnect of the busy route, carries the ID of
     * an event before the last one published, so that the rest came with the replay.
     */
    private static void assertResumedWithLastEventId(List<RecordedRequest> requests, List<String> published,
                                                     int firstConnections) {
        assertThat(requests).hasSize(firstConnections + 1);
        assertThat(requests.subList(0, firstConnections)).allSatisfy(r -> assertThat(r.lastEventId()).isNull());
        String resumedAfter = requests.get(firstConnections).lastEventId();
        assertThat(resumedAfter).isIn(published);
        assertThat(published.indexOf(resumedAfter)).isLessThan(published.size() - 1);
    }

    private static SseSimulator simulator(int maxQueuedBytesPerStream, boolean tls) {
        return SseSimulator.builder().maxQueuedBytesPerStream(maxQueuedBytesPerStream).tls(tls)
                .keepAliveInterval(Duration.ZERO).aidenIdRetry(Duration.ofMillis(20)).eventLoops(1).build().start();
    }

    private CamelContext context(SSLContextParameters tls) {
        CamelContext created = new DefaultCamelContext();
        created.getRegistry().bind("recordingHandler", new RecordingExceptionHandler(reported));
        if (tls != null) {
            created.getRegistry().bind("tls", tls);
        }
        created.start();
        return created;
    }

    /** A route whose first event blocks it until {@link #release}. */
    private List<Exchange> slowRoute(String routeId, String options) throws Exception {
        return route(routeId, options, exchange -> {
            if (busy.getCount() > 0) {
                busy.countDown();
                assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            }
        });
    }

    private List<Exchange> route(String routeId, String options, Processor step) throws Exception {
        List<Exchange> received = new CopyOnWriteArrayList<>();
        String uri = "aidenid-sse:stream?baseUrl=" + sim.baseUrl() + "&apiKey=" + SseSimulator.AIDENID_API_KEY
                     + "&orgId=" + SseSimulator.AIDENID_ORG_ID + "&projectId=" + SseSimulator.AIDENID_PROJECT_ID
                     + "&reconnectDelay=20&maxReconnectDelay=200&exceptionHandler=#recordingHandler"
                     + (options.isEmpty() ? "" : "&" + options);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).process(step).process(received::add);
            }
        });
        return received;
    }

    private AidenIdSseConsumer consumer(String routeId) {
        return (AidenIdSseConsumer) context.getRoute(routeId).getConsumer();
    }

    private void awaitConnected(String routeId, int openStreams) {
        await().until(() -> {
            StreamStatus status = consumer(routeId).streamStatus();
            return status != null && status.state() == StreamState.CONNECTED;
        });
        await().until(() -> sim.stats().openStreams(Vendor.AIDENID) == openStreams);
    }

    /**
     * Publishes {@code perRound} events with this much padding every 10 ms, when {@code readyForMore}, until
     * {@code done}.
     */
    private void publishUntil(BooleanSupplier done, int perRound, int padding, BooleanSupplier readyForMore) {
        String data = "{\"identity_id\":\"ident_slow\",\"padding\":\"" + "x".repeat(padding) + "\"}";
        AtomicLong published = new AtomicLong();
        await("publishing until a stream is dropped as slow").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10)).until(() -> {
            if (done.getAsBoolean()) {
                return true;
            }
            if (!readyForMore.getAsBoolean()) {
                return false;
            }
            for (int i = 0; i < perRound && published.get() < MAX_PUBLISHED_BYTES; i++) {
                sim.aidenId().publish(AidenIdEvents.INBOUND_RECEIVED, data);
                published.addAndGet(data.length());
            }
            return false;
        });
    }

    private List<String> publishedIds() {
        return sim.aidenId().events().stream().map(SimulatedAidenIdEvent::id).toList();
    }

    private long publishedBytes() {
        return sim.aidenId().events().stream().mapToLong(e -> e.data().length()).sum();
    }

    private static List<String> ids(List<Exchange> exchanges) {
        return exchanges.stream().map(e -> e.getMessage().getHeader(AidenIdSseConstants.EVENT_ID, String.class))
                .toList();
    }
}
