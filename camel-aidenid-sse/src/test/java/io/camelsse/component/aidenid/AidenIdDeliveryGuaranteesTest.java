/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.camelsse.component.sse.RecordingExceptionHandler;
import io.camelsse.component.sse.SharedLogResumeStrategy;
import io.camelsse.component.sse.connection.StreamState;
import io.camelsse.component.sse.support.LastEventIdResumeAdapter;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.resume.Resumable;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rows of the delivery guarantees table that need a server the simulator cannot play. */
class AidenIdDeliveryGuaranteesTest {

    private static final String KEY = "aidenid-sse/o/p";

    private final List<Exchange> received = new CopyOnWriteArrayList<>();
    private final RecordingRepository positions = new RecordingRepository();
    private CamelContext context;

    @BeforeEach
    void startContext() {
        context = new DefaultCamelContext();
        context.getRegistry().bind("positions", positions);
        context.start();
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    @Test
    void withBreakOnFirstErrorAFailedEventComesAgainFromTheLastCompletedPosition() throws Exception {
        try (ReplayingServer server = new ReplayingServer(
                event("evt_1") + event("evt_2") + event("evt_3"),
                event("evt_2") + event("evt_3"))) {
            AtomicBoolean failedOnce = new AtomicBoolean();
            route(server, "breakOnFirstError=true", exchange -> {
                if ("evt_2".equals(id(exchange)) && failedOnce.compareAndSet(false, true)) {
                    throw new IllegalStateException("downstream is down");
                }
            });

            await().until(() -> ids().contains("evt_3"));
            assertThat(ids()).containsExactly("evt_1", "evt_2", "evt_3");
            assertThat(server.lastEventIds()).containsExactly("", "evt_1");
            await().until(() -> "evt_3".equals(positions.getState(KEY)));
        }
    }

    @Test
    void withBreakOnFirstErrorTheFirstEventOfARunComesAgainAfterTheStoredPosition() throws Exception {
        positions.setState(KEY, "evt_1");
        try (ReplayingServer server = new ReplayingServer(
                event("evt_2") + event("evt_3"),
                event("evt_2") + event("evt_3"))) {
            AtomicBoolean failedOnce = new AtomicBoolean();
            route(server, "breakOnFirstError=true", exchange -> {
                if (failedOnce.compareAndSet(false, true)) {
                    throw new IllegalStateException("downstream is down");
                }
            });

            await().until(() -> ids().contains("evt_3"));
            assertThat(ids()).containsExactly("evt_2", "evt_3");
            assertThat(server.lastEventIds()).containsExactly("evt_1", "evt_1");
        }
    }

    @Test
    void aReplayOnTheConnectionOfAStreamThatReconnectPutInPlaceIsRecognised() throws Exception {
        try (ReplayingServer server = new ReplayingServer(
                event("evt_1"),
                event("evt_1") + event("evt_2"))) {
            // the first connection ends after one event, and the stream waits out a long backoff
            routeWithBackoff(server, "reconnectDelay=60000&maxReconnectDelay=60000", "", exchange -> {
            });
            await().until(() -> "evt_1".equals(positions.getState(KEY)));
            AidenIdSseConsumer consumer = (AidenIdSseConsumer) context.getRoute("r").getConsumer();
            await().until(() -> consumer.streamStatus().state() == StreamState.RECONNECTING);

            consumer.reconnect();

            await().until(() -> ids().contains("evt_2"));
            assertThat(ids()).containsExactly("evt_1", "evt_2");
            assertThat(server.lastEventIds()).containsExactly("", "evt_1");
        }
    }

    @Test
    void anIdThatCannotBeSentBackIsNotStored() throws Exception {
        String tooLong = "evt_" + "9".repeat(1100);
        try (ReplayingServer server = new ReplayingServer(event("evt_1") + event(tooLong) + event("evt_3"))) {
            route(server, "", exchange -> {
            });

            await().until(() -> "evt_3".equals(positions.getState(KEY)));
            assertThat(ids()).containsExactly("evt_1", tooLong, "evt_3");
            assertThat(positions.stored).containsExactly("evt_1", "evt_3");
        }
    }

    @Test
    void withoutARepositoryARestartAfterAnIdThatCannotBeSentBackResumesAfterTheEventBeforeIt() throws Exception {
        String tooLong = "evt_" + "9".repeat(1100);
        try (ReplayingServer server = new ReplayingServer(event("evt_1") + event(tooLong))) {
            addRoute(uri(server, "reconnectDelay=10&maxReconnectDelay=100"), route -> route.process(received::add));
            await().until(() -> received.size() == 2);

            context.getRouteController().stopRoute("r");
            context.getRouteController().startRoute("r");

            await().until(() -> server.lastEventIds().size() == 2);
            assertThat(server.lastEventIds()).containsExactly("", "evt_1");
        }
    }

    @Test
    void aResumableRouteCompletesAnEventWhoseIdCannotBeSentBackWithThePositionBeforeIt() throws Exception {
        String tooLong = "evt_" + "9".repeat(1100);
        SharedLogResumeStrategy.Log log = new SharedLogResumeStrategy.Log();
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        context.getRegistry().bind("recordingHandler", new RecordingExceptionHandler(reported));
        try (ReplayingServer server = new ReplayingServer(event("evt_1") + event(tooLong) + event("evt_3"))) {
            addRoute(uri(server, "reconnectDelay=10&maxReconnectDelay=100&breakOnFirstError=true"
                                 + "&exceptionHandler=#recordingHandler"),
                    route -> route.resumable().resumeStrategy(new SharedLogResumeStrategy(log)).process(received::add));

            await().until(() -> received.size() == 3);
            Resumable offset = received.get(1).getMessage().getHeader(Exchange.OFFSET, Resumable.class);
            assertThat(offset.getLastOffset().getValue()).isEqualTo("evt_1");
            LastEventIdResumeAdapter reader = new LastEventIdResumeAdapter();
            await().until(() -> {
                log.snapshot(reader);
                return "evt_3".equals(reader.lastEventId(KEY));
            });
            assertThat(reported).as("no exchange failed for want of an offset").isEmpty();
            assertThat(ids()).containsExactly("evt_1", tooLong, "evt_3");
            assertThat(server.lastEventIds()).hasSize(1);
        }
    }

    private static String uri(ReplayingServer server, String options) {
        return "aidenid-sse:stream?baseUrl=" + server.baseUrl() + "&apiKey=k&orgId=o&projectId=p&" + options;
    }

    private void addRoute(String uri, Consumer<RouteDefinition> steps) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                steps.accept(from(uri).routeId("r"));
            }
        });
    }

    private void route(ReplayingServer server, String options, Processor step) throws Exception {
        routeWithBackoff(server, "reconnectDelay=10&maxReconnectDelay=100", options, step);
    }

    private void routeWithBackoff(ReplayingServer server, String backoff, String options, Processor step)
            throws Exception {
        String uri = "aidenid-sse:stream?baseUrl=" + server.baseUrl() + "&apiKey=k&orgId=o&projectId=p"
                     + "&" + backoff + "&lastEventIdRepository=#positions"
                     + (options.isEmpty() ? "" : "&" + options);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("r").process(step).process(received::add);
            }
        });
    }

    private List<String> ids() {
        return received.stream().map(AidenIdDeliveryGuaranteesTest::id).toList();
    }

    private static String id(Exchange exchange) {
        return exchange.getMessage().getHeader(AidenIdSseConstants.EVENT_ID, String.class);
    }

    private static String event(String id) {
        return "event: identity.created\nid: " + id + "\ndata: {\"identity_id\":\"ident_" + id.length() + "\"}\n\n";
    }

    /** Keeps every value written, to show what was never stored. */
    private static final class RecordingRepository extends MemoryStateRepository {
        final List<String> stored = new CopyOnWriteArrayList<>();

        @Override
        public void setState(String key, String value) {
            stored.add(value);
            super.setState(key, value);
        }
    }
}
