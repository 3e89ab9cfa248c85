/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.benchmarks.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.Vendor;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.NetClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The load client's streams, both kinds: each opens on the simulator, counts the events written to it, and stops
 * counting as open once the simulator goes away.
 */
class SimulatorLoadClientTest {

    private static final String DATA = "{\"identity_id\":\"ident_a1b2c3d4e5\",\"type\":\"otp\"}";

    private SseSimulator sim;
    private Vertx vertx;

    @BeforeEach
    void start() {
        sim = SseSimulator.builder().keepAliveInterval(Duration.ZERO).eventLoops(1).build().start();
        vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(false).setEventLoopPoolSize(1));
    }

    @AfterEach
    void stop() throws Exception {
        sim.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void countsEventsAndSeesTheStreamEnd(boolean httpClient) throws Exception {
        SimulatorLoadClient.Counts counts = new SimulatorLoadClient.Counts();
        CountDownLatch settled = new CountDownLatch(1);
        if (httpClient) {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
            SimulatorLoadClient.openHttp(client, SimulatorLoadClient.httpRequest(sim.port()), counts,
                    settled::countDown);
        } else {
            NetClient net = vertx.createNetClient();
            SimulatorLoadClient.openRaw(net, sim.port(), SimulatorLoadClient.rawRequest(sim.port()), counts,
                    settled::countDown);
        }
        assertThat(settled.await(10, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.stats().openStreams(Vendor.AIDENID) == 1);
        assertThat(counts.open.get()).isEqualTo(1);

        for (int i = 0; i < 3; i++) {
            sim.aidenId().publish("extraction.completed", DATA);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> counts.events.sum() == 3);

        sim.stopListening();
        await().atMost(Duration.ofSeconds(10)).until(() -> counts.open.get() == 0);
        assertThat(counts.ended.get()).isEqualTo(1);
        assertThat(counts.failed.get()).isZero();
        assertThat(sim.stats().slowStreamsDropped()).isZero();
    }
}
