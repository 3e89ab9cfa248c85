/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.camelsse.component.sse.fixture.FixtureServer;
import io.camelsse.component.sse.fixture.FixtureServer.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Configured headers belong to the origin of the endpoint URL: two servers on 127.0.0.1, on two ports, are two
 * origins.
 */
class SseRedirectHeadersTest extends SseRouteTestSupport {

    private static final String HEADERS = "header.X-Api-Key=k3y-canary&header.X-Tenant=acme"
                                          + "&header.Authorization=RAW(Bearer t0ken)&header.Cookie=session=c00kie";

    private FixtureServer otherOrigin;

    @BeforeEach
    void startOtherOrigin() throws Exception {
        otherOrigin = new FixtureServer();
        otherOrigin.enqueue(oneEventThenHold());
    }

    @AfterEach
    void stopOtherOrigin() throws Exception {
        otherOrigin.close();
    }

    @Test
    void aRedirectToAnotherPortDropsEveryConfiguredHeader() throws Exception {
        server.enqueue(c -> c.respond(307, null, "", "Location: " + otherOrigin.url("/moved")));
        route("r", sse("/events", HEADERS));

        await().until(() -> received.size() == 1);
        RecordedRequest first = server.requests().get(0);
        assertThat(first.header("X-Api-Key")).isEqualTo("k3y-canary");
        assertThat(first.header("X-Tenant")).isEqualTo("acme");

        RecordedRequest redirected = otherOrigin.requests().get(0);
        assertThat(redirected.path()).isEqualTo("/moved");
        assertThat(redirected.headers()).doesNotContainKeys("X-Api-Key", "X-Tenant", "Authorization", "Cookie");
        assertThat(new String(redirected.rawHead(), StandardCharsets.ISO_8859_1))
                .doesNotContain("k3y-canary", "acme", "t0ken", "c00kie");
        // what the stream itself needs still goes along
        assertThat(redirected.header("Accept")).isEqualTo("text/event-stream");
    }

    @Test
    void aRedirectWithinTheOriginKeepsEveryConfiguredHeader() throws Exception {
        server.enqueue(c -> c.respond(307, null, "", "Location: " + server.url("/moved")))
                .enqueue(oneEventThenHold());
        route("r", sse("/events", HEADERS));

        await().until(() -> received.size() == 1);
        RecordedRequest redirected = server.requests().get(1);
        assertThat(redirected.path()).isEqualTo("/moved");
        assertThat(redirected.header("X-Api-Key")).isEqualTo("k3y-canary");
        assertThat(redirected.header("X-Tenant")).isEqualTo("acme");
        assertThat(redirected.header("Authorization")).isEqualTo("Bearer t0ken");
        assertThat(redirected.header("Cookie")).isEqualTo("session=c00kie");
    }

    private static FixtureServer.Script oneEventThenHold() {
        return c -> {
            c.eventStream().raw("data: here\n\n");
            c.holdOpen(10, TimeUnit.SECONDS);
        };
    }
}
