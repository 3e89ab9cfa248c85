/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.Vendor;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A burst on many streams at once is worked off by the component's fixed pool, not by a thread per stream, and never
 * on the HTTP client's selector thread, which does the I/O of every stream.
 */
class SseWorkerThreadsTest {

    private static final int STREAMS = 40;

    private final List<String> routedOn = new CopyOnWriteArrayList<>();
    private SseSimulator simulator;
    private CamelContext context;

    @BeforeEach
    void start() {
        simulator = SseSimulator.builder().keepAliveInterval(Duration.ZERO).build().start();
        context = new DefaultCamelContext();
        context.getComponent("sse", SseComponent.class).setWorkerThreads(3);
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        simulator.close();
    }

    @Test
    void oneEventFannedOutToManyStreamsIsRoutedOnTheConfiguredNumberOfThreads() throws Exception {
        String key = URLEncoder.encode("Bearer " + SseSimulator.AIDENID_API_KEY, StandardCharsets.UTF_8);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < STREAMS; i++) {
                    from("sse:" + simulator.aidenIdStreamUrl() + "?header.Authorization=" + key
                         + "&header.X-Org-Id=" + SseSimulator.AIDENID_ORG_ID
                         + "&header.X-Project-Id=" + SseSimulator.AIDENID_PROJECT_ID + "&header.X-Route=" + i)
                            .routeId("r" + i)
                            .process(exchange -> routedOn.add(Thread.currentThread().getName()));
                }
            }
        });
        await().until(() -> simulator.stats().openStreams(Vendor.AIDENID) == STREAMS);

        simulator.aidenId().publishIdentityCreated("ident_a1b2c3d4e5");
        simulator.aidenId().publishIdentityCreated("ident_a1b2c3d4e5");

        await().until(() -> routedOn.size() == 2 * STREAMS);
        assertThat(routedOn.stream().distinct()).hasSizeLessThanOrEqualTo(3)
                .allSatisfy(name -> assertThat(name).contains("SseHttpClient"));
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().contains("SseHttpClient")))
                .hasSizeLessThanOrEqualTo(3);
    }
}
