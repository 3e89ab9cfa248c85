/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.camelsse.component.sse.SseComponent;
import io.camelsse.component.sse.event.ServerSentEvent;
import io.camelsse.component.sse.reconnect.ReconnectPolicy;
import io.camelsse.simulator.Fault;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.Vendor;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Thousands of streams on one component, on platform threads: no reconnect and no read timeout is ever dropped, however
 * many streams wait at once. A scheduler whose queue is bounded refuses the work beyond its bound, and those streams
 * would stay dead.
 */
class ManyStreamsTest {

    private static final int STREAMS = 3000;

    private CamelContext context;
    private SseSimulator simulator;
    private final List<SseStream> streams = new ArrayList<>();
    private final List<Exception> permanentFailures = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        context = new DefaultCamelContext();
        context.start();
        simulator = SseSimulator.builder().keepAliveInterval(Duration.ZERO).build().start();
    }

    @AfterEach
    void stop() throws Exception {
        streams.forEach(SseStream::stop);
        context.stop();
        simulator.close();
    }

    @Test
    void aReadTimeoutFiresOnEveryOneOfThousandsOfSilentStreams() {
        simulator.faults().always(Fault.stall(Duration.ofMinutes(5)));
        openStreams(Duration.ofSeconds(1));

        await().atMost(60, TimeUnit.SECONDS).until(() -> simulator.stats().acceptedStreams() >= STREAMS);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> streams.stream().allMatch(s -> s.status().reconnectCount() >= 1));
        assertThat(streams).allSatisfy(s -> assertThat(s.status().state()).isIn(StreamState.CONNECTING,
                StreamState.CONNECTED, StreamState.RECONNECTING));
        assertThat(permanentFailures).isEmpty();
    }

    @Test
    void thousandsOfStreamsAllReconnectAfterTheServerRestarts() {
        openStreams(Duration.ZERO);
        await().atMost(60, TimeUnit.SECONDS).until(() -> simulator.stats().openStreams(Vendor.AIDENID) == STREAMS);

        int port = simulator.port();
        simulator.close();
        await().atMost(30, TimeUnit.SECONDS)
                .until(() -> streams.stream().allMatch(s -> s.status().state() != StreamState.CONNECTED));
        simulator = SseSimulator.builder().port(port).keepAliveInterval(Duration.ZERO).build().start();

        await().atMost(60, TimeUnit.SECONDS).until(() -> simulator.stats().openStreams(Vendor.AIDENID) == STREAMS);
        await().atMost(30, TimeUnit.SECONDS)
                .until(() -> streams.stream().allMatch(s -> s.status().state() == StreamState.CONNECTED));
        assertThat(permanentFailures).isEmpty();
    }

    private void openStreams(Duration readTimeout) {
        SseComponent component = context.getComponent("sse", SseComponent.class);
        StreamSettings settings = new StreamSettings(Duration.ofMillis(100), Duration.ofSeconds(2), 0, readTimeout,
                Duration.ofSeconds(10), 64 * 1024);
        StreamRequest request = StreamRequest.to(URI.create(simulator.aidenIdStreamUrl()))
                .credential("Authorization", "Bearer " + SseSimulator.AIDENID_API_KEY)
                .header("X-Org-Id", SseSimulator.AIDENID_ORG_ID)
                .header("X-Project-Id", SseSimulator.AIDENID_PROJECT_ID)
                .build();
        for (int i = 0; i < STREAMS; i++) {
            ReconnectPolicy policy = new ReconnectPolicy(settings.reconnectDelay(), settings.maxReconnectDelay(), 0,
                    () -> ThreadLocalRandom.current().nextDouble());
            SseStream stream = new SseStream(request, settings, false, "",
                    component.httpClient(settings.connectTimeout(), null), component.scheduler(), new Recorder(),
                    policy, "stream " + i);
            streams.add(stream);
            stream.start();
        }
    }

    private final class Recorder implements StreamHandler {
        @Override
        public boolean deliver(ServerSentEvent event, Runnable whenDoneAsync) {
            return true;
        }

        @Override
        public void onPermanentFailure(Exception failure) {
            permanentFailures.add(failure);
        }

        @Override
        public void onRecoverableError(Exception error) {
        }
    }
}
