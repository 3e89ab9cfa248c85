/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.camelsse.component.sse.fixture.FixtureServer.RecordedRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SseRequestHeadersTest extends SseRouteTestSupport {

    @Test
    void requestHeadersAndHeaderPrefixOptionsCombineInTheUri() throws Exception {
        streamOneEvent();
        route("r", sse("/events", "requestHeaders=RAW(X-Org-Id: acme, X-Api-Key: a&b=c)&header.X-Tenant=t1"));

        await().until(() -> received.size() == 1);
        String head = rawHead(server.requests().get(0));
        assertThat(head).contains("\r\nX-Org-Id: acme\r\n", "\r\nX-Api-Key: a&b=c\r\n", "\r\nX-Tenant: t1\r\n");
        assertThat(server.requests().get(0).path()).isEqualTo("/events");
    }

    @Test
    void componentHeadersGoToEveryEndpointUnlessTheEndpointNamesTheSameHeader() throws Exception {
        context.getComponent("sse", SseComponent.class)
                .setRequestHeaders("X-Org-Id: from-component, X-Project-Id: p-component");
        streamOneEvent();
        route("r", sse("/events", "header.x-project-id=p-endpoint"));

        await().until(() -> received.size() == 1);
        RecordedRequest request = server.requests().get(0);
        assertThat(request.header("X-Org-Id")).isEqualTo("from-component");
        assertThat(request.headers().get("X-Project-Id")).containsExactly("p-endpoint");
    }

    /** Camel's own ResolveEndpointFailedException repeats the URI as written; our message never does. */
    @Test
    void malformedRequestHeadersAreRefusedWhenTheEndpointIsCreatedWithoutShowingThem() {
        assertThatThrownBy(() -> context.getEndpoint(sse("/events", "requestHeaders=RAW(s3cret-only)")))
                .rootCause()
                .hasMessageStartingWith("requestHeaders must be Name: value pairs separated by commas")
                .message().doesNotContain("s3cret");
        assertThat(server.requests()).isEmpty();
    }

    private void streamOneEvent() {
        server.enqueue(c -> {
            c.eventStream().raw("data: one\n\n");
            c.holdOpen(10, TimeUnit.SECONDS);
        });
    }

    private static String rawHead(RecordedRequest request) {
        return new String(request.rawHead(), StandardCharsets.ISO_8859_1);
    }
}
