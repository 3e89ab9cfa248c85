/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

import io.camelsse.component.sse.connection.ReconnectCause;
import io.camelsse.component.sse.fixture.FixtureServer.RecordedRequest;
import io.camelsse.component.sse.health.SseConsumerHealthCheck;
import io.camelsse.component.sse.support.SseConsumerSupport;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SseConsumerTest extends SseRouteTestSupport {

    @Test
    void eachEventBecomesOneExchangeWithTypeAndIdHeaders() throws Exception {
        server.enqueue(c -> {
            c.eventStream().raw("data: plain\n\nevent: update\nid: 7\ndata: line 1\ndata: line 2\n\n");
            c.holdOpen(10, TimeUnit.SECONDS);
        });
        route("r", sse("/events", ""));

        await().until(() -> received.size() == 2);
        assertThat(bodies()).containsExactly("plain", "line 1\nline 2");
        assertThat(received.get(0).getMessage().getHeader(SseConstants.EVENT_TYPE)).isEqualTo("message");
        assertThat(received.get(0).getMessage().getHeader(SseConstants.EVENT_ID)).isEqualTo("");
        assertThat(received.get(1).getMessage().getHeader(SseConstants.EVENT_TYPE)).isEqualTo("update");
        assertThat(received.get(1).getMessage().getHeader(SseConstants.EVENT_ID)).isEqualTo("7");
    }

    @Test
    void requestCarriesTheStandardAndConfiguredHeaders() throws Exception {
        server.enqueue(c -> c.eventStream().holdOpen(10, TimeUnit.SECONDS));
        route("r", sse("/events", "header.X-Tenant=acme&header.Authorization=RAW(Bearer s3cret)&lastEventId=41"));

        await().until(() -> server.requests().size() == 1);
        RecordedRequest request = server.requests().get(0);
        assertThat(request.requestLine()).isEqualTo("GET /events HTTP/1.1");
        assertThat(request.header("Accept")).isEqualTo("text/event-stream");
        assertThat(request.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(request.header("X-Tenant")).isEqualTo("acme");
        assertThat(request.header("Authorization")).isEqualTo("Bearer s3cret");
        assertThat(request.header("Last-Event-ID")).isEqualTo("41");
    }

    @Test
    void urlQueryParametersThatAreNotOptionsStayInTheUrl() throws Exception {
        server.enqueue(c -> c.eventStream().holdOpen(10, TimeUnit.SECONDS));
        route("r", sse("/events", "channel=news&readTimeout=5s"));

        await().until(() -> server.requests().size() == 1);
        assertThat(server.requests().get(0).path()).isEqualTo("/events?channel=news");
    }

    @Test
    void dropInTheMiddleOfAnEventReconnectsWithTheLastEventId() throws Exception {
        server.enqueue(c -> c.eventStream().raw("id: 1\ndata: a\n\nid: 2\ndata: b\n\nid: 3\ndata: half an ev"))
                .enqueue(c -> {
                    c.eventStream().raw("id: 3\ndata: c\n\n");
                    c.holdOpen(10, TimeUnit.SECONDS);
                });
        route("r", sse("/events", "reconnectDelay=10"));

        await().until(() -> received.size() == 3);
        assertThat(bodies()).containsExactly("a", "b", "c");
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(0).header("Last-Event-ID")).isNull();
        assertThat(server.requests().get(1).header("Last-Event-ID")).isEqualTo("2");
        assertThat(received.get(2).getMessage().getHeader(SseConstants.EVENT_ID)).isEqualTo("3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"évènement-✓", "a\tb", "7 ", " 7"})
    void eventIdThatCannotBeSentUnchangedIsDeliveredButNotSent(String id) throws Exception {
        // the JDK client writes header values as US-ASCII, and HTTP strips spaces and tabs at either end of a value:
        // rather than an ID that arrives changed, no Last-Event-ID at all
        server.enqueue(c -> c.eventStream().raw("id: " + id + "\ndata: x\n\n"))
                .enqueue(c -> c.eventStream().holdOpen(10, TimeUnit.SECONDS));
        route("r", sse("/events", "reconnectDelay=10"));

        await().until(() -> server.requests().size() == 2);
        assertThat(received.get(0).getMessage().getHeader(SseConstants.EVENT_ID)).isEqualTo(id);
        assertThat(server.requests().get(1).header("Last-Event-ID")).isNull();
    }

    @Test
    void serverRetryFieldReplacesTheReconnectDelay() throws Exception {
        server.enqueue(c -> c.eventStream().raw("retry: 50\ndata: first\n\n"))
                .enqueue(c -> c.eventStream().holdOpen(10, TimeUnit.SECONDS));
        // without the server's retry, the next attempt would come a minute later
        route("r", sse("/events", "reconnectDelay=1m&maxReconnectDelay=2m"));

        await().atMost(Duration.ofSeconds(10)).until(() -> server.requests().size() == 2);
        assertThat(bodies()).containsExactly("first");
    }

    @Test
    void stalledStreamIsReconnectedAfterTheReadTimeout() throws Exception {
        server.enqueue(c -> {
            c.eventStream().raw("id: 9\ndata: before the stall\n\n");
            c.holdOpen(30, TimeUnit.SECONDS);
        }).enqueue(c -> c.eventStream().holdOpen(10, TimeUnit.SECONDS));
        route("r", sse("/events", "readTimeout=1000&reconnectDelay=10"));

        await().atMost(Duration.ofSeconds(10)).until(() -> server.requests().size() == 2);
        assertThat(server.requests().get(1).header("Last-Event-ID")).isEqualTo("9");
        assertThat(reported).as("a read timeout is transient, not reported").isEmpty();
        // counted, and described, as what it was, also where the client reports the cancel as an error (Java 21+)
        assertThat(consumer("r").streamSnapshot().reconnectsByCause()).containsEntry(ReconnectCause.READ_TIMEOUT, 1L);
        assertThat(consumer("r").streamStatus().lastError()).contains("not even a comment");
    }

    @Test
    void commentsKeepAStreamAliveWithinTheReadTimeout() throws Exception {
        server.enqueue(c -> {
            c.eventStream();
            for (int i = 0; i < 12; i++) {
                c.raw(": keep-alive\n");
                if (!awaitQuietly(100)) {
                    return;
                }
            }
            c.raw("data: still here\n\n");
            c.holdOpen(10, TimeUnit.SECONDS);
        });
        route("r", sse("/events", "readTimeout=500&reconnectDelay=10"));

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void noContentEndsTheStreamWithoutReconnectingAndTurnsTheHealthCheckDown() throws Exception {
        server.otherwise(c -> c.respond(204, null, ""));
        route("r", sse("/events", "reconnectDelay=10"));

        await().until(() -> server.requests().size() == 1);
        await().during(Duration.ofMillis(500)).until(() -> server.requests().size() == 1);
        assertThat(reported).isEmpty();
        assertThat(consumer("r").streamStatus().state().name()).isEqualTo("CLOSED");
        HealthCheck.Result health = consumer("r").getHealthCheck().call();
        assertThat(health.getState()).as("an ended stream delivers nothing any more").isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("204 No Content"));
    }

    @ParameterizedTest
    @ValueSource(ints = { 401, 403, 404, 410, 400 })
    void clientErrorsArePermanentReportedOnceWithOneRequest(int status) throws Exception {
        server.otherwise(c -> c.respond(status, "application/json", "{\"code\":\"nope\"}"));
        route("r", sse("/events", "reconnectDelay=10"));

        await().until(() -> reported.size() == 1);
        await().during(Duration.ofMillis(500)).until(() -> server.requests().size() == 1);
        assertThat(reported).hasSize(1);
        assertThat(reported.get(0)).isInstanceOfSatisfying(HttpOperationFailedException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(status);
            assertThat(e.getResponseBody()).isEqualTo("{\"code\":\"nope\"}");
        });
        HealthCheck.Result health = consumer("r").getHealthCheck().call();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, status)
                .containsEntry(SseConsumerHealthCheck.DETAIL_STATE, "FAILED");
        assertThat(health.getError()).containsInstanceOf(HttpOperationFailedException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = { 408, 429, 500, 502, 503, 504 })
    void transientStatusesReconnectWithoutReachingTheRoute(int status) throws Exception {
        server.enqueue(c -> c.respond(status, "text/plain", "later"))
                .enqueue(c -> {
                    c.eventStream().raw("data: back\n\n");
                    c.holdOpen(10, TimeUnit.SECONDS);
                });
        route("r", sse("/events", "reconnectDelay=10"));

        await().until(() -> received.size() == 1);
        assertThat(server.requests()).hasSize(2);
        assertThat(bodies()).containsExactly("back");
        assertThat(reported).as("HTTP %d is transient", status).isEmpty();
    }

    @Test
    void successWithTheWrongContentTypeIsPermanent() throws Exception {
        server.otherwise(c -> c.respond(200, "application/json", "{}"));
        route("r", sse("/events", "reconnectDelay=10"));

        await().until(() -> reported.size() == 1);
        await().during(Duration.ofMillis(300)).until(() -> server.requests().size() == 1);
        assertThat(reported.get(0)).isInstanceOf(HttpOperationFailedException.class);
    }

    @Test
    void anAnswerThatIsNotAStreamAndNeverEndsIsStillReported() throws Exception {
        server.enqueue(c -> {
            c.streamHead("text/html").raw("<html><body>Please sign in");
            c.holdOpen(30, TimeUnit.SECONDS);
        });
        route("r", sse("/events", "readTimeout=500&reconnectDelay=10"));

        await().until(() -> reported.size() == 1);
        assertThat(reported.get(0)).isInstanceOfSatisfying(HttpOperationFailedException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(200);
            assertThat(e.getResponseBody()).isEqualTo("<html><body>Please sign in");
        });
        await().during(Duration.ofMillis(300)).until(() -> server.requests().size() == 1);
    }

    @Test
    void contentTypeIsMatchedCaseInsensitivelyWithParameters() throws Exception {
        server.enqueue(c -> {
            c.streamHead("Text/Event-Stream; charset=iso-8859-1").raw("data: ok\n\n");
            c.holdOpen(10, TimeUnit.SECONDS);
        });
        route("r", sse("/events", ""));

        await().until(() -> received.size() == 1);
        assertThat(bodies()).containsExactly("ok");
    }

    @Test
    void serviceUnavailableHonoursRetryAfterSeconds() throws Exception {
        server.enqueue(c -> c.respond(503, "text/plain", "busy", "Retry-After: 1"))
                .enqueue(c -> c.eventStream().holdOpen(10, TimeUnit.SECONDS));
        long start = System.nanoTime();
        route("r", sse("/events", "reconnectDelay=10"));

        await().atMost(Duration.ofSeconds(10)).until(() -> server.requests().size() == 2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(reported).as("a 503 is transient").isEmpty();
    }

    @Test
    void tooManyRequestsHonoursRetryAfterAsAnHttpDate() throws Exception {
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(2));
        server.enqueue(c -> c.respond(429, "application/json", "{}", "Retry-After: " + inTwoSeconds))
                .enqueue(c -> c.eventStream().holdOpen(10, TimeUnit.SECONDS));
        long start = System.nanoTime();
        route("r", sse("/events", "reconnectDelay=10"));

        await().atMost(Duration.ofSeconds(10)).until(() -> server.requests().size() == 2);
        // HTTP dates have whole seconds, so "two seconds from now" is at least one second away
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void healthStaysUpWhileReconnectingAndSaysWhy() throws Exception {
        server.otherwise(c -> c.respond(503, "text/plain", "busy"));
        route("r", sse("/events", "reconnectDelay=10s"));

        await().until(() -> server.requests().size() == 1);
        await().until(() -> "RECONNECTING".equals(
                consumer("r").getHealthCheck().call().getDetails().get(SseConsumerHealthCheck.DETAIL_STATE)));
        HealthCheck.Result health = consumer("r").getHealthCheck().call();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(health.getDetails()).containsEntry(SseConsumerHealthCheck.DETAIL_RECONNECT_COUNT, 1L);
        assertThat((String) health.getDetails().get(SseConsumerHealthCheck.DETAIL_LAST_ERROR)).contains("503");
    }

    @Test
    void givesUpAfterMaxReconnectAttempts() throws Exception {
        server.otherwise(c -> c.respond(500, "text/plain", "down"));
        route("r", sse("/events", "reconnectDelay=10&maxReconnectDelay=20&maxReconnectAttempts=3"));

        await().until(() -> reported.size() == 1);
        await().during(Duration.ofMillis(300)).until(() -> server.requests().size() == 4);
        assertThat(reported.get(0)).isInstanceOfSatisfying(HttpOperationFailedException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(500));
        assertThat(consumer("r").getHealthCheck().call().getState()).isEqualTo(HealthCheck.State.DOWN);
    }

    @Test
    void redirectIsFollowed() throws Exception {
        server.enqueue(c -> c.respond(307, null, "", "Location: /moved"))
                .enqueue(c -> {
                    c.eventStream().raw("data: here\n\n");
                    c.holdOpen(10, TimeUnit.SECONDS);
                });
        route("r", sse("/events", ""));

        await().until(() -> received.size() == 1);
        assertThat(server.requests().get(1).path()).isEqualTo("/moved");
    }

    @Test
    void redirectWithoutLocationIsAnErrorNotALoop() throws Exception {
        server.otherwise(c -> c.respond(302, null, ""));
        route("r", sse("/events", "reconnectDelay=10"));

        await().until(() -> reported.size() == 1);
        await().during(Duration.ofMillis(300)).until(() -> server.requests().size() == 1);
    }

    @Test
    void redirectLoopEndsInAPermanentFailure() throws Exception {
        server.otherwise(c -> c.respond(302, null, "", "Location: /events"));
        route("r", sse("/events", "reconnectDelay=10"));

        await().until(() -> reported.size() == 1);
        assertThat(reported.get(0)).hasMessageContaining("redirects");
        await().during(Duration.ofMillis(300)).until(() -> server.requests().size() == 11);
    }

    @Test
    void eventLargerThanTheLimitIsReportedNotDeliveredAndTheStreamReconnects() throws Exception {
        server.enqueue(c -> c.eventStream().raw("id: 1\ndata: small\n\ndata: " + "x".repeat(5000) + "\n\n"))
                .enqueue(c -> {
                    c.eventStream().raw("id: 2\ndata: after\n\n");
                    c.holdOpen(10, TimeUnit.SECONDS);
                });
        route("r", sse("/events", "maxEventSize=1024&reconnectDelay=10"));

        await().until(() -> received.size() == 2);
        assertThat(bodies()).containsExactly("small", "after");
        assertThat(reported).hasSize(1);
        assertThat(reported.get(0)).hasMessageContaining("1024");
        assertThat(server.requests().get(1).header("Last-Event-ID")).isEqualTo("1");
    }

    @Test
    void eventLargerThanTheLimitWithAnIdOfItsOwnIsResumedAfter() throws Exception {
        // a server that replays after Last-Event-ID would otherwise send the dropped event on every reconnect
        server.enqueue(c -> c.eventStream().raw("id: 1\ndata: small\n\nid: 2\ndata: " + "x".repeat(5000) + "\n\n"))
                .enqueue(c -> {
                    c.eventStream().raw("id: 3\ndata: after\n\n");
                    c.holdOpen(10, TimeUnit.SECONDS);
                });
        route("r", sse("/events", "maxEventSize=1024&reconnectDelay=10"));

        await().until(() -> received.size() == 2);
        assertThat(bodies()).containsExactly("small", "after");
        assertThat(server.requests().get(1).header("Last-Event-ID")).isEqualTo("2");
        assertThat(reported).singleElement()
                .satisfies(e -> assertThat(e).hasMessageContaining("dropped event '2', resuming after it"));
    }

    @Test
    void routeStopClosesTheConnectionAtOnce() throws Exception {
        java.util.concurrent.atomic.AtomicReference<io.camelsse.component.sse.fixture.FixtureServer.Connection> held
                = new java.util.concurrent.atomic.AtomicReference<>();
        server.enqueue(c -> {
            held.set(c);
            c.eventStream().raw("data: one\n\n");
            c.holdOpen(30, TimeUnit.SECONDS);
        });
        route("r", sse("/events", ""));
        await().until(() -> received.size() == 1);

        context.getRouteController().stopRoute("r");

        await().atMost(Duration.ofSeconds(5)).until(() -> held.get().clientClosed());
        await().during(Duration.ofMillis(300)).until(() -> server.requests().size() == 1);
    }

    @Test
    void plainHttpToARemoteHostIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> route("r", "sse:http://stream.example.invalid/events"))
                .isInstanceOf(FailedToCreateRouteException.class)
                .hasStackTraceContaining("Refusing plain http:// to stream.example.invalid");
    }

    @Test
    void plainHttpToARemoteHostIsAllowedWhenAskedFor() throws Exception {
        SseEndpoint endpoint = context.getEndpoint("sse:http://stream.example.invalid/events?allowPlainHttp=true",
                SseEndpoint.class);
        assertThat(endpoint.getConfiguration().isAllowPlainHttp()).isTrue();
    }

    @Test
    void headerValuesWithControlCharactersAreRefusedWhenTheEndpointIsCreated() {
        // Camel strips CR and LF from URIs itself; other control characters arrive percent-encoded
        assertThatThrownBy(() -> context.getEndpoint(sse("/events", "header.X-Evil=a%01b")))
                .hasStackTraceContaining("Header X-Evil must not contain CR, LF or other control characters");
        assertThatThrownBy(() -> context.getEndpoint(sse("/events", "lastEventId=1%0B2")))
                .hasStackTraceContaining("lastEventId must not contain CR, LF");
    }

    @Test
    void headerValuesOutsidePrintableAsciiAreRefusedWhenTheEndpointIsCreatedWithoutTheValue() {
        // the JDK client would send the first as '?' and refuse the second with the value in its message
        context.getComponent("sse", SseComponent.class).setRequestHeaders("X-Api-Key: sk\u20acCanary42");
        assertThatThrownBy(() -> context.getEndpoint(sse("/events", "")))
                .hasStackTraceContaining("Header X-Api-Key must be printable ASCII")
                .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain("Canary42"));
        context.getComponent("sse", SseComponent.class).setRequestHeaders(null);
        assertThatThrownBy(() -> context.getEndpoint(sse("/events", "header.X-Token=caf%C3%A9Canary42")))
                .hasStackTraceContaining("Header X-Token must be printable ASCII")
                .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain("Canary42"));
        assertThat(server.requests()).isEmpty();
    }

    private static String stackTraceOf(Throwable e) {
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        return trace.toString();
    }

    @Test
    void lineBreaksSetThroughJavaAreRefusedBeforeAnyRequest() throws Exception {
        SseEndpoint endpoint = context.getEndpoint(sse("/events", ""), SseEndpoint.class);
        endpoint.getConfiguration().getHeaders().put("X-Evil", "a\r\nInjected: 1");
        assertThatThrownBy(() -> context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from(endpoint).routeId("r").to("log:never");
            }
        })).hasStackTraceContaining("Header X-Evil must not contain CR, LF or other control characters");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void durationsAcceptCamelSyntax() {
        SseEndpoint endpoint = context.getEndpoint(
                sse("/events", "reconnectDelay=10s&maxReconnectDelay=1m&readTimeout=500&connectTimeout=2s"),
                SseEndpoint.class);
        SseConfiguration config = endpoint.getConfiguration();
        assertThat(config.getReconnectDelay()).isEqualTo(10_000);
        assertThat(config.getMaxReconnectDelay()).isEqualTo(60_000);
        assertThat(config.getReadTimeout()).isEqualTo(500);
        assertThat(config.getConnectTimeout()).isEqualTo(2_000);
    }

    @Test
    void healthCheckIsUpWhileConnectedAndShowsNoSecret() throws Exception {
        server.enqueue(c -> {
            c.eventStream().raw("id: 5\ndata: x\n\n");
            c.holdOpen(10, TimeUnit.SECONDS);
        });
        route("r", sse("/events", "header.Authorization=RAW(Bearer top-secret)"));
        await().until(() -> received.size() == 1);

        HealthCheck.Result health = consumer("r").getHealthCheck().call();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(health.getDetails())
                .containsEntry(SseConsumerHealthCheck.DETAIL_STATE, "CONNECTED")
                .containsEntry(SseConsumerHealthCheck.DETAIL_LAST_EVENT_ID, "5")
                .containsEntry(SseConsumerHealthCheck.DETAIL_RECONNECT_COUNT, 0L)
                .containsKey(SseConsumerHealthCheck.DETAIL_LAST_CONNECTED);
        assertThat(health.getDetails().toString()).doesNotContain("top-secret");
        assertThat(consumer("r").toString()).doesNotContain("top-secret");
    }

    private SseConsumerSupport consumer(String routeId) {
        return (SseConsumerSupport) context.getRoute(routeId).getConsumer();
    }

    private static boolean awaitQuietly(long millis) {
        try {
            return !new java.util.concurrent.CountDownLatch(1).await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
