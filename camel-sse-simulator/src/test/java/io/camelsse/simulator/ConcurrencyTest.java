/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A few hundred streams at once: every stream gets every event, in order, once. */
class ConcurrencyTest {

    private static final int STREAMS = 200;
    private static final int EVENTS = 100;
    private static final Pattern ID = Pattern.compile("^id: evt_(\\d+)$", Pattern.MULTILINE);

    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension();

    private static Vertx vertx;
    private static HttpClient client;

    @BeforeAll
    static void client() {
        vertx = Vertx.vertx();
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false),
                new PoolOptions().setHttp1MaxSize(STREAMS * 2));
    }

    @AfterAll
    static void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** Collects what one stream receives. */
    static final class Collector {
        final StringBuilder text = new StringBuilder();
        volatile int status;
        volatile boolean ended;

        synchronized void append(String s) {
            text.append(s);
        }

        synchronized List<Long> ids() {
            List<Long> ids = new ArrayList<>();
            Matcher m = ID.matcher(text);
            while (m.find()) {
                ids.add(Long.parseLong(m.group(1)));
            }
            return ids;
        }

        synchronized String text() {
            return text.toString();
        }
    }

    private static Collector open(String path, String... headers) {
        Collector c = new Collector();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
                .setPort(SIM.port()).setURI(path);
        for (int i = 0; i < headers.length; i += 2) {
            options.addHeader(headers[i], headers[i + 1]);
        }
        client.request(options).compose(req -> req.send()).onSuccess(resp -> {
            c.status = resp.statusCode();
            resp.handler(b -> c.append(b.toString(StandardCharsets.UTF_8)));
            resp.endHandler(v -> c.ended = true);
        });
        return c;
    }

    @Test
    void everyAidenIdStreamGetsEveryEventInOrder(SseSimulator sim) {
        List<Collector> streams = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            streams.add(open(SseSimulator.AIDENID_STREAM_PATH, "Authorization", "Bearer " + SseSimulator.AIDENID_API_KEY,
                    "X-Org-Id", SseSimulator.AIDENID_ORG_ID, "X-Project-Id", SseSimulator.AIDENID_PROJECT_ID));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> sim.stats().openStreams(Vendor.AIDENID) == STREAMS);
        for (int i = 0; i < EVENTS; i++) {
            sim.aidenId().publishInboundReceived("ident_" + i);
        }
        List<Long> expected = new ArrayList<>();
        for (long i = 1; i <= EVENTS; i++) {
            expected.add(i);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> streams.stream().allMatch(c -> c.ids().size() >= EVENTS));
        for (Collector c : streams) {
            assertThat(c.status).isEqualTo(200);
            assertThat(c.ids()).isEqualTo(expected);
        }
        assertThat(sim.stats().eventsSent()).isEqualTo((long) STREAMS * EVENTS);
    }

    @Test
    void manyStreamsOfOneSessionAllEndAfterTheTerminalStatus(SseSimulator sim) {
        PredicateSession s = sim.predicate().createSession();
        List<Collector> streams = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            streams.add(open(s.path(), "Authorization", "Bearer " + SseSimulator.PREDICATE_API_KEY));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> s.openStreams() == STREAMS);
        s.advance().advance();
        await().atMost(Duration.ofSeconds(20)).until(() -> streams.stream().allMatch(c -> c.ended));
        assertThat(s.openStreams()).isZero();
        for (Collector c : streams) {
            assertThat(c.text()).contains("\"status\":\"pending\"", "\"status\":\"submitted\"", "\"status\":\"completed\"");
        }
        assertThat(sim.stats().eventsSent()).isEqualTo(3L * STREAMS);
    }
}
