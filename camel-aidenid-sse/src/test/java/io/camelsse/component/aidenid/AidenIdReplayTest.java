/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events a server sends again after a reconnect are recognised by their ID and not delivered twice. */
class AidenIdReplayTest {

    private final List<Exchange> received = new CopyOnWriteArrayList<>();
    private CamelContext context;

    @BeforeEach
    void startContext() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    @Test
    void replayedEventsAreNotDeliveredAgain() throws Exception {
        try (ReplayingServer server = new ReplayingServer(
                event("evt_1") + event("evt_2") + event("evt_3"),
                // asked for what follows evt_3, the server starts earlier, as at-least-once replays do
                event("evt_2") + event("evt_3") + event("evt_4"),
                event("evt_1") + event("evt_4") + event("evt_5"))) {
            route(server);

            await().until(() -> ids().contains("evt_5"));
            assertThat(ids()).containsExactly("evt_1", "evt_2", "evt_3", "evt_4", "evt_5");
            assertThat(server.lastEventIds()).containsExactly("", "evt_3", "evt_4");
        }
    }

    @Test
    void eventWithoutItsOwnIdIsNotMistakenForAReplay() throws Exception {
        String noId = "event: inbound.received\ndata: {\"identity_id\":\"ident_b\"}\n\n";
        try (ReplayingServer server = new ReplayingServer(
                event("evt_1") + noId + event("evt_2"),
                event("evt_2") + event("evt_3"))) {
            route(server);

            await().until(() -> ids().contains("evt_3"));
            // the ID in force for the second event is still evt_1, as the SSE rules say
            assertThat(ids()).containsExactly("evt_1", "evt_1", "evt_2", "evt_3");
            assertThat(received.get(1).getMessage().getHeader(AidenIdSseConstants.IDENTITY_ID)).isEqualTo("ident_b");
        }
    }

    @Test
    void eventWithoutItsOwnIdFirstOnANewConnectionIsNoReplay() throws Exception {
        String noId = "event: inbound.received\ndata: {\"identity_id\":\"ident_b\"}\n\n";
        try (ReplayingServer server = new ReplayingServer(
                event("evt_1"),
                // the ID carries over to the new connection, so this event's ID in force is evt_1, already delivered
                noId + event("evt_2"))) {
            route(server);

            await().until(() -> ids().contains("evt_2"));
            assertThat(ids()).containsExactly("evt_1", "evt_1", "evt_2");
            assertThat(received.get(1).getMessage().getHeader(AidenIdSseConstants.IDENTITY_ID)).isEqualTo("ident_b");
            assertThat(server.lastEventIds()).containsExactly("", "evt_1");
        }
    }

    @Test
    void replayWindowIsBounded() {
        ReplayFilter filter = new ReplayFilter(3);
        for (String id : List.of("a", "b", "c")) {
            assertThat(filter.isReplay(id)).isFalse();
            filter.record(id);
        }
        assertThat(filter.isReplay("a")).isTrue();
        filter.record("d");
        assertThat(filter.isReplay("b")).isTrue();
        assertThat(filter.isReplay("a")).as("forgotten once the window moved on").isFalse();
        assertThat(filter.isReplay("")).as("no ID, nothing to compare").isFalse();
    }

    @Test
    void anEventTheRouteNeverCompletedIsNoReplay() {
        ReplayFilter filter = new ReplayFilter(8);
        assertThat(filter.isReplay("a")).as("delivered, but not recorded as done").isFalse();
        filter.record("a");
        assertThat(filter.isReplay("a")).isTrue();
    }

    private void route(ReplayingServer server) throws Exception {
        String uri = "aidenid-sse:stream?baseUrl=" + server.baseUrl() + "&apiKey=k&orgId=o&projectId=p"
                     + "&reconnectDelay=10&maxReconnectDelay=100";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("r").process(received::add);
            }
        });
    }

    private List<String> ids() {
        return received.stream().map(e -> e.getMessage().getHeader(AidenIdSseConstants.EVENT_ID, String.class))
                .toList();
    }

    private static String event(String id) {
        return "event: identity.created\nid: " + id + "\ndata: {\"identity_id\":\"ident_" + id + "\"}\n\n";
    }
}
