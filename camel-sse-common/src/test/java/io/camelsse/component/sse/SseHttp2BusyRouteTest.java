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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.Vendor;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Over HTTPS the JDK client puts the streams of one component on one HTTP/2 connection, whose frames it reads on a
 * worker thread: a route that is busy holds back its own stream only, never the others on that connection.
 */
class SseHttp2BusyRouteTest {

    @TempDir
    Path dir;

    private final CountDownLatch busy = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private SseSimulator simulator;
    private CamelContext context;

    @AfterEach
    void stop() {
        release.countDown();
        if (context != null) {
            context.stop();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void aBusyRouteDoesNotHoldBackAnotherStreamOnTheSameConnection() throws Exception {
        simulator = SseSimulator.builder().tls(true).keepAliveInterval(Duration.ZERO).build().start();
        context = new DefaultCamelContext();
        context.getRegistry().bind("tls", SimulatorTrust.trusting(simulator, dir));
        context.start();
        List<String> busyRoute = route("busy", exchange -> {
            if (busy.getCount() > 0) {
                busy.countDown();
                assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            }
        });
        await().until(() -> simulator.stats().openStreams(Vendor.AIDENID) == 1);
        // once the connection is up, so that the second stream shares it
        List<String> otherRoute = route("other", exchange -> {
        });
        await().until(() -> simulator.stats().openStreams(Vendor.AIDENID) == 2);
        assertThat(simulator.stats().http2Connections()).isEqualTo(1);

        simulator.aidenId().publishIdentityCreated("ident_1");
        assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
        simulator.aidenId().publishIdentityCreated("ident_2");
        simulator.aidenId().publishIdentityCreated("ident_3");

        await().atMost(Duration.ofSeconds(5)).until(() -> otherRoute.size() == 3);
        assertThat(busyRoute).isEmpty();
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> busyRoute.size() == 3);
        assertThat(busyRoute).isEqualTo(otherRoute);
        assertThat(simulator.stats().http2Connections()).isEqualTo(1);
    }

    private List<String> route(String routeId, Processor step) throws Exception {
        List<String> ids = new CopyOnWriteArrayList<>();
        String key = URLEncoder.encode("Bearer " + SseSimulator.AIDENID_API_KEY, StandardCharsets.UTF_8);
        String uri = "sse:" + simulator.aidenIdStreamUrl() + "?sslContextParameters=#tls&header.Authorization=" + key
                     + "&header.X-Org-Id=" + SseSimulator.AIDENID_ORG_ID + "&header.X-Project-Id="
                     + SseSimulator.AIDENID_PROJECT_ID + "&header.X-Route=" + routeId;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).process(step)
                        .process(e -> ids.add(e.getMessage().getHeader(SseConstants.EVENT_ID, String.class)));
            }
        });
        return ids;
    }
}
