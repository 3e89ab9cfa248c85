/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.StreamResetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A client that stops reading costs the simulator a bounded amount of memory: its stream is dropped, and it resumes. */
class SlowClientTest {

    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension(b -> b.keepAliveInterval(Duration.ZERO));

    private static final String PADDING = "x".repeat(16 * 1024);
    /** Where a test stops publishing when no stream is dropped, so that it fails instead of filling the heap. */
    private static final long MAX_PUBLISHED_BYTES = 64L * 1024 * 1024;
    private static final Pattern EVENT_ID = Pattern.compile("\nid: (evt_\\d+)\n");

    @Test
    void anAidenIdClientThatStopsReadingIsDroppedAndResumesFromTheLog(SseSimulator sim) throws IOException {
        String lastReceived;
        try (StalledClient stalled = StalledClient.aidenId(sim)) {
            await().until(() -> sim.stats().openStreams(Vendor.AIDENID) == 1);

            long published = publishUntil(() -> sim.stats().openStreams(Vendor.AIDENID) == 0, 16, () -> publishPadded(sim));
            assertThat(sim.stats().slowStreamsDropped()).isEqualTo(1);

            Drained drained = stalled.drain();
            assertThat(drained.lastChunk()).as("the body broke off").isFalse();
            // what the simulator had queued (more than the default 8 MiB) was thrown away, not sent before a close
            assertThat(drained.bytes()).isLessThan(published - 4 * 1024 * 1024);
            lastReceived = drained.lastEventId();
        }

        String lastPublished = sim.aidenId().lastEventId();
        long missed = AidenIdEvents.parseSeq(lastPublished) - AidenIdEvents.parseSeq(lastReceived);
        // the replay (more than the limit, written in one go) reaches a client that reads
        try (TestStream resumed = TestStream.aidenId(sim, "Last-Event-ID", lastReceived)) {
            List<TestStream.Event> events = resumed.awaitEvents((int) missed);
            assertThat(events).hasSize((int) missed);
            assertThat(events.get(0).id()).isEqualTo(AidenIdEvents.formatId(AidenIdEvents.parseSeq(lastReceived) + 1));
            assertThat(events.get(events.size() - 1).id()).isEqualTo(lastPublished);
            assertThat(resumed.dropped()).isFalse();
            assertThat(sim.stats().openStreams(Vendor.AIDENID)).isEqualTo(1);
            assertThat(sim.stats().slowStreamsDropped()).isEqualTo(1);
        }
    }

    @Test
    void overTlsWhatWasQueuedIsThrownAwayToo() throws IOException {
        try (SseSimulator sim = SseSimulator.builder().tls(true).keepAliveInterval(Duration.ZERO).eventLoops(1)
                .build().start(); StalledClient stalled = StalledClient.aidenId(sim)) {
            await().until(() -> sim.stats().openStreams(Vendor.AIDENID) == 1);

            long published = publishUntil(() -> sim.stats().openStreams(Vendor.AIDENID) == 0, 16, () -> publishPadded(sim));
            assertThat(sim.stats().slowStreamsDropped()).isEqualTo(1);

            Drained drained = stalled.drain();
            assertThat(drained.lastChunk()).isFalse();
            assertThat(drained.bytes()).isLessThan(published - 4 * 1024 * 1024);
        }
    }

    @Test
    void aPredicateClientThatStopsReadingIsDroppedAndGetsTheCurrentStateWhenItReconnects() throws IOException {
        try (SseSimulator sim = withLimit(256 * 1024)) {
            PredicateSession session = sim.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();
            AtomicInteger updates = new AtomicInteger();
            try (StalledClient stalled = StalledClient.predicate(sim, session)) {
                await().until(() -> sim.stats().openStreams(Vendor.PREDICATE) == 1);

                publishUntil(() -> sim.stats().openStreams(Vendor.PREDICATE) == 0, 16, () -> {
                    session.userId("user-" + updates.incrementAndGet() + "-" + PADDING);
                    return PADDING.length();
                });
                assertThat(sim.stats().slowStreamsDropped()).isEqualTo(1);
                assertThat(session.openStreams()).isZero();
                assertThat(stalled.drain().lastChunk()).isFalse();
            }

            try (TestStream again = TestStream.predicate(sim, session)) {
                assertThat(again.awaitEvents(1).get(0).data()).contains("\"userId\":\"user-" + updates.get() + "-x");
            }
        }
    }

    @Test
    void onHttp2OnlyTheStreamThatStopsReadingIsReset() {
        Vertx vertx = Vertx.vertx();
        // far above what one round of publishing adds: the stream that reads is never that far behind
        try (SseSimulator sim = withLimit(4 * 1024 * 1024)) {
            // the stalled stream fills its own window (64 KiB), not the connection's: the other stream goes on
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                    .setHttp2ClearTextUpgrade(false).setHttp2ConnectionWindowSize(64 * 1024 * 1024),
                    new PoolOptions().setHttp2MaxSize(1));
            RequestOptions aidenId = new RequestOptions().setHost("127.0.0.1").setPort(sim.port())
                    .setURI(SseSimulator.AIDENID_STREAM_PATH)
                    .addHeader("Authorization", "Bearer " + SseSimulator.AIDENID_API_KEY)
                    .addHeader("X-Org-Id", SseSimulator.AIDENID_ORG_ID)
                    .addHeader("X-Project-Id", SseSimulator.AIDENID_PROJECT_ID);

            List<Throwable> stalledFailures = new CopyOnWriteArrayList<>();
            client.request(aidenId).compose(HttpClientRequest::send).onSuccess(resp -> {
                resp.pause();
                resp.exceptionHandler(stalledFailures::add);
            });
            await().until(() -> sim.stats().openStreams(Vendor.AIDENID) == 1);
            StringBuffer read = new StringBuffer();
            client.request(aidenId).compose(HttpClientRequest::send)
                    .onSuccess(resp -> resp.handler(b -> read.append(b.toString(StandardCharsets.UTF_8))));
            await().until(() -> sim.stats().openStreams(Vendor.AIDENID) == 2);
            assertThat(sim.stats().http2Connections()).isEqualTo(1);

            publishUntil(() -> sim.stats().slowStreamsDropped() > 0, 4, () -> publishPadded(sim));
            await().until(() -> stalledFailures.stream().anyMatch(StreamResetException.class::isInstance));
            assertThat(stalledFailures).filteredOn(StreamResetException.class::isInstance)
                    .singleElement().satisfies(e -> assertThat(((StreamResetException) e).getCode()).isEqualTo(2L));
            assertThat(sim.stats().slowStreamsDropped()).isEqualTo(1);
            assertThat(sim.stats().openStreams(Vendor.AIDENID)).isEqualTo(1);

            // the connection is still up: the dropped stream's writes that were waiting failed without taking it down
            String last = sim.aidenId().publishIdentityExpired("ident_slow");
            await().until(() -> read.indexOf("\nid: " + last + "\n") >= 0);
            assertThat(sim.stats().slowStreamsDropped()).isEqualTo(1);
            assertThat(sim.stats().http2Connections()).isEqualTo(1);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Test
    void theLimitMustBePositive() {
        assertThatThrownBy(() -> SseSimulator.builder().maxQueuedBytesPerStream(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** An AidenID event of 16 KiB; returns its padding's length. */
    private static int publishPadded(SseSimulator sim) {
        sim.aidenId().publish("inbound.received", "{\"identity_id\":\"ident_slow\",\"padding\":\"" + PADDING + "\"}");
        return PADDING.length();
    }

    private static SseSimulator withLimit(int maxQueuedBytesPerStream) {
        return SseSimulator.builder().maxQueuedBytesPerStream(maxQueuedBytesPerStream).keepAliveInterval(Duration.ZERO)
                .eventLoops(1).build().start();
    }

    /**
     * Publishes {@code perRound} events every 10 ms until {@code done}; returns the bytes published, as
     * {@code publishOne} counts them.
     */
    private static long publishUntil(BooleanSupplier done, int perRound, IntSupplier publishOne) {
        AtomicLong published = new AtomicLong();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> {
            if (done.getAsBoolean()) {
                return true;
            }
            for (int i = 0; i < perRound && published.get() < MAX_PUBLISHED_BYTES; i++) {
                published.addAndGet(publishOne.getAsInt());
            }
            return false;
        });
        return published.get();
    }

    /** What a stalled client read once it read again: the complete chunks, and whether the body ended normally. */
    private record Drained(String text, long bytes, boolean lastChunk) {

        /** The ID of the last whole event, or {@code evt_000000} (before the first) when none came whole. */
        String lastEventId() {
            Matcher m = EVENT_ID.matcher("\n" + text);
            String id = "evt_000000";
            while (m.find()) {
                id = m.group(1);
            }
            return id;
        }
    }

    /** An HTTP/1.1 stream (over TLS if the simulator serves it): the client reads the head, then nothing until {@link #drain()}. */
    private static final class StalledClient implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;

        private StalledClient(SseSimulator sim, String path, String... headers) throws IOException {
            Socket tcp = new Socket();
            // a small receive window: the kernel keeps little of what the client leaves unread, the simulator the rest
            tcp.setReceiveBufferSize(4096);
            tcp.connect(new InetSocketAddress("127.0.0.1", sim.port()), 5000);
            socket = sim.isTls() ? sim.sslContext().getSocketFactory().createSocket(tcp, "127.0.0.1", sim.port(), true) : tcp;
            socket.setSoTimeout(30_000);
            StringBuilder req = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + sim.port()
                    + "\r\nAccept: text/event-stream\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                req.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(req.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            assertThat(RawHttp.line(in)).startsWith("HTTP/1.1 200");
            String header = RawHttp.line(in);
            while (header != null && !header.isEmpty()) {
                header = RawHttp.line(in);
            }
        }

        static StalledClient aidenId(SseSimulator sim) throws IOException {
            return new StalledClient(sim, SseSimulator.AIDENID_STREAM_PATH,
                    "Authorization", "Bearer " + SseSimulator.AIDENID_API_KEY,
                    "X-Org-Id", SseSimulator.AIDENID_ORG_ID, "X-Project-Id", SseSimulator.AIDENID_PROJECT_ID);
        }

        static StalledClient predicate(SseSimulator sim, PredicateSession session) throws IOException {
            return new StalledClient(sim, session.path(), "Authorization", "Bearer " + SseSimulator.PREDICATE_API_KEY);
        }

        /** Reads the rest, to the end of the connection. */
        Drained drain() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            long bytes = 0;
            while (true) {
                String size = RawHttp.line(in);
                int n;
                try {
                    n = size == null ? -1 : Integer.parseInt(size.trim(), 16);
                } catch (NumberFormatException brokenOff) {
                    n = -1;
                }
                if (n <= 0) {
                    return new Drained(body.toString(StandardCharsets.UTF_8), bytes, n == 0);
                }
                byte[] data = in.readNBytes(n);
                bytes += data.length;
                if (data.length < n) {
                    return new Drained(body.toString(StandardCharsets.UTF_8), bytes, false);
                }
                body.write(data);
                RawHttp.line(in);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
