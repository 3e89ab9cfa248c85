/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.camelsse.component.sse.connection.StreamState;
import io.camelsse.component.sse.connection.StreamStatus;
import io.camelsse.component.sse.health.SseConsumerHealthCheck;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.spi.ExceptionHandler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a hostile or careless server cannot do: storm us with reconnects, park a stream for centuries, make a transient
 * failure permanent, or have a huge ID sent back. And what a failing route can ask for: its event again.
 */
class SseDataSafetyTest extends SseRouteTestSupport {

    @Test
    void retryZeroDoesNotSwitchTheBackoffOff() throws Exception {
        server.otherwise(c -> c.eventStream().raw("retry: 0\n\n").close());
        route("r", sse("/storm", ""));

        await().until(() -> server.requests().size() >= 2);
        await().during(5, TimeUnit.SECONDS).atMost(6, TimeUnit.SECONDS)
                .until(() -> server.requests().size() <= 20);
        assertThat(reported).isEmpty();
    }

    @Test
    void retryAfterOfSixteenNinesStaysATransientFailureOfOneHour() throws Exception {
        server.otherwise(c -> c.respond(503, "application/json", "{}", "Retry-After: 9999999999999999"));
        route("r", sse("/busy", ""));

        await().until(() -> status("r") != null && status("r").state() == StreamState.RECONNECTING);
        StreamStatus status = status("r");
        assertThat(status.nextAttemptAt()).isBetween(Instant.now().plus(Duration.ofMinutes(59)),
                Instant.now().plus(Duration.ofMinutes(61)));
        assertThat(status.httpStatus()).isEqualTo(503);
        HealthCheck.Result health = health("r");
        assertThat(health.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(health.getDetails()).containsKey(SseConsumerHealthCheck.DETAIL_NEXT_ATTEMPT);
        assertThat(reported).isEmpty();
    }

    @Test
    void aHugeRetryFieldWaitsAtMostOneHour() throws Exception {
        server.enqueue(c -> c.eventStream().raw("retry: 99999999999999999999999\ndata: a\n\n").close());
        route("r", sse("/slow", ""));

        await().until(() -> status("r") != null && status("r").state() == StreamState.RECONNECTING);
        assertThat(status("r").nextAttemptAt()).isBefore(Instant.now().plus(Duration.ofMinutes(61)));
        assertThat(bodies()).containsExactly("a");
    }

    @Test
    void aMegabyteIdIsNeitherSentBackNorShownWhole() throws Exception {
        String hugeId = "i".repeat(1024 * 1024);
        server.enqueue(c -> c.eventStream().raw("id: " + hugeId + "\ndata: a\n\n").close());
        server.enqueue(c -> c.eventStream().raw("data: b\n\n").holdOpen(10, TimeUnit.SECONDS));
        route("r", sse("/ids", "reconnectDelay=10"));

        await().until(() -> bodies().size() == 2);
        assertThat(server.requests().get(1).header("Last-Event-ID")).isNull();
        assertThat(status("r").state()).isEqualTo(StreamState.CONNECTED);
        Object shown = health("r").getDetails().get(SseConsumerHealthCheck.DETAIL_LAST_EVENT_ID);
        assertThat(String.valueOf(shown)).hasSizeLessThan(200).contains("1048576 characters");
    }

    @Test
    void anIdOfExactly1024BytesIsStillSent() throws Exception {
        String longestId = "i".repeat(1024);
        server.enqueue(c -> c.eventStream().raw("id: " + longestId + "\ndata: a\n\n").close());
        server.enqueue(c -> c.eventStream().raw("data: b\n\n").holdOpen(10, TimeUnit.SECONDS));
        route("r", sse("/ids", "reconnectDelay=10"));

        await().until(() -> bodies().size() == 2);
        assertThat(server.requests().get(1).header("Last-Event-ID")).isEqualTo(longestId);
    }

    @Test
    void breakOnFirstErrorReconnectsFromTheLastCompletedIdAndDeliversTheFailedEventAgain() throws Exception {
        server.enqueue(c -> c.eventStream().raw("id: 1\ndata: one\n\nid: 2\ndata: two\n\nid: 3\ndata: three\n\n")
                .holdOpen(10, TimeUnit.SECONDS));
        server.enqueue(c -> c.eventStream().raw("id: 2\ndata: two\n\nid: 3\ndata: three\n\n")
                .holdOpen(10, TimeUnit.SECONDS));
        AtomicBoolean failedOnce = new AtomicBoolean();
        route("r", sse("/break", "breakOnFirstError=true&reconnectDelay=10"), exchange -> {
            if ("two".equals(exchange.getMessage().getBody(String.class)) && failedOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("downstream is down");
            }
        });

        await().until(() -> bodies().size() == 3);
        assertThat(bodies()).containsExactly("one", "two", "three");
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1).header("Last-Event-ID")).isEqualTo("1");
        assertThat(reported).singleElement().satisfies(e -> assertThat(e).hasMessage("downstream is down"));
    }

    @Test
    void breakOnFirstErrorOnTheFirstEventOfARunReconnectsFromWhereTheRunStarted() throws Exception {
        server.enqueue(c -> c.eventStream().raw("id: 101\ndata: one-o-one\n\n").holdOpen(10, TimeUnit.SECONDS));
        server.enqueue(c -> c.eventStream().raw("id: 101\ndata: one-o-one\n\n").holdOpen(10, TimeUnit.SECONDS));
        AtomicBoolean failedOnce = new AtomicBoolean();
        route("r", sse("/break-first", "lastEventId=100&breakOnFirstError=true&reconnectDelay=10"), exchange -> {
            if (failedOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("downstream is down");
            }
        });

        await().until(() -> bodies().size() == 1);
        assertThat(bodies()).containsExactly("one-o-one");
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(0).header("Last-Event-ID")).isEqualTo("100");
        assertThat(server.requests().get(1).header("Last-Event-ID"))
                .as("no event completed yet: the run's starting point, not the start of the stream").isEqualTo("100");
    }

    @Test
    void withoutBreakOnFirstErrorAFailedEventIsReportedAndTheStreamGoesOn() throws Exception {
        server.enqueue(c -> c.eventStream().raw("id: 1\ndata: one\n\nid: 2\ndata: two\n\nid: 3\ndata: three\n\n")
                .holdOpen(10, TimeUnit.SECONDS));
        route("r", sse("/go-on", ""), exchange -> {
            if ("two".equals(exchange.getMessage().getBody(String.class))) {
                throw new IllegalStateException("downstream is down");
            }
        });

        await().until(() -> bodies().size() == 2);
        assertThat(bodies()).containsExactly("one", "three");
        assertThat(server.requests()).hasSize(1);
        assertThat(reported).singleElement().satisfies(e -> assertThat(e).hasMessage("downstream is down"));
    }

    @Test
    void aRestartedRouteResumesAfterTheLastCompletedEvent() throws Exception {
        server.enqueue(c -> c.eventStream().raw("id: 1\ndata: one\n\nid: 2\ndata: two\n\n")
                .holdOpen(10, TimeUnit.SECONDS));
        server.enqueue(c -> c.eventStream().raw("id: 3\ndata: three\n\n").holdOpen(10, TimeUnit.SECONDS));
        route("r", sse("/restart", "lastEventId=0"));
        await().until(() -> bodies().size() == 2);

        context.getRouteController().stopRoute("r");
        context.getRouteController().startRoute("r");

        await().until(() -> bodies().size() == 3);
        assertThat(server.requests().get(0).header("Last-Event-ID")).isEqualTo("0");
        assertThat(server.requests().get(1).header("Last-Event-ID")).isEqualTo("2");
    }

    @Test
    void aRestartedRouteWhoseLastCompletedEventResetTheIdSendsNoLastEventId() throws Exception {
        // an id field with no value resets the last event ID: a reconnect would send none, and so does a restart
        server.enqueue(c -> c.eventStream().raw("id: 7\ndata: one\n\nid\ndata: two\n\n")
                .holdOpen(10, TimeUnit.SECONDS));
        server.enqueue(c -> c.eventStream().raw("data: three\n\n").holdOpen(10, TimeUnit.SECONDS));
        route("r", sse("/restart", "lastEventId=5"));
        await().until(() -> bodies().size() == 2);

        context.getRouteController().stopRoute("r");
        context.getRouteController().startRoute("r");

        await().until(() -> bodies().size() == 3);
        assertThat(server.requests().get(0).header("Last-Event-ID")).isEqualTo("5");
        assertThat(server.requests().get(1).header("Last-Event-ID")).as("not the option's 5 again").isNull();
    }

    @Test
    void aRestartedRouteWhoseLastCompletedIdCannotBeSentBackResumesAfterTheEventBeforeIt() throws Exception {
        server.enqueue(c -> c.eventStream().raw("id: 1\ndata: one\n\nid: caf\u00e9\ndata: two\n\n")
                .holdOpen(10, TimeUnit.SECONDS));
        server.enqueue(c -> c.eventStream().raw("data: three\n\n").holdOpen(10, TimeUnit.SECONDS));
        route("r", sse("/restart", ""));
        await().until(() -> bodies().size() == 2);

        context.getRouteController().stopRoute("r");
        context.getRouteController().startRoute("r");

        await().until(() -> bodies().size() == 3);
        assertThat(server.requests().get(1).header("Last-Event-ID")).as("not nothing: the server would start anew")
                .isEqualTo("1");
    }

    @Test
    void anExceptionHandlerThatThrowsOnAnAsynchronousFailureDoesNotStopTheStream() throws Exception {
        server.enqueue(c -> c.eventStream().raw("id: 1\ndata: one\n\nid: 2\ndata: two\n\n")
                .holdOpen(10, TimeUnit.SECONDS));
        context.getRegistry().bind("throwingHandler", (ExceptionHandler) new ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                throw new IllegalStateException("the handler failed too");
            }

            @Override
            public void handleException(String message, Throwable exception) {
                throw new IllegalStateException("the handler failed too");
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                throw new IllegalStateException("the handler failed too");
            }
        });
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // the route finishes on another thread, so the consumer's completion runs there
                from("sse:" + server.url("/async") + "?exceptionHandler=#throwingHandler").routeId("r")
                        .delay(1).asyncDelayed()
                        .process(exchange -> {
                            received.add(exchange);
                            if ("one".equals(exchange.getMessage().getBody(String.class))) {
                                throw new IllegalArgumentException("the route failed on one");
                            }
                        });
            }
        });

        await().until(() -> bodies().contains("two"));
        assertThat(server.requests()).hasSize(1);
    }

    private StreamStatus status(String routeId) {
        return ((SseConsumer) context.getRoute(routeId).getConsumer()).streamStatus();
    }

    private HealthCheck.Result health(String routeId) {
        SseConsumer consumer = (SseConsumer) context.getRoute(routeId).getConsumer();
        SseConsumerHealthCheck check = new SseConsumerHealthCheck("test", consumer::streamStatus,
                consumer::streamDisplayUri, routeId, Duration.ofMinutes(1), Clock.systemUTC());
        return check.call(Map.of());
    }
}
