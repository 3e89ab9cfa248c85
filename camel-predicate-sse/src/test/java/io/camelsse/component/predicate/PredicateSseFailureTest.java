/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelsse.component.sse.connection.StreamState;
import io.camelsse.component.sse.health.SseConsumerHealthCheck;
import io.camelsse.simulator.Fault;
import io.camelsse.simulator.PredicateSession;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** 401 and 403 are permanent: reported once, one request only, health DOWN. */
class PredicateSseFailureTest extends PredicateTestSupport {

    @Test
    void unauthorizedIsPermanentWithOneRequestAndHealthDown() throws Exception {
        PredicateSession session = SIM.predicate().createSession();
        route("r", uri(session, "apiKey=wrong_key"));

        await().until(() -> reported.size() == 1);
        await().during(Duration.ofMillis(500)).until(() -> SIM.requests().size() == 1);
        assertThat(SIM.requests().get(0).status()).isEqualTo(401);
        assertThat(reported).hasSize(1);
        assertThat(reported.get(0)).isInstanceOfSatisfying(PredicateApiException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(401);
            assertThat(e.getResponseBody()).contains("\"code\":\"unauthorized\"");
            assertThat(e.getCode()).isEqualTo("unauthorized");
            assertThat(e.getMessage()).startsWith("Predicate answered 401 unauthorized (missing or invalid API key:"
                                                  + " check apiKey) for http://127.0.0.1:")
                    .endsWith("; the server says \"Missing or invalid API key\"").doesNotContain("wrong_key");
        });
        assertDown("r", 401);
        assertThat(consumer("r").getHealthCheck().call().getMessage()).hasValueSatisfying(
                m -> assertThat(m).contains("Predicate answered 401 unauthorized (missing or invalid API key"));
        assertThat(received).isEmpty();
    }

    @Test
    void forbiddenIsPermanentWithOneRequestAndHealthDown() throws Exception {
        SIM.faults().nextStream(Fault.status(403));
        PredicateSession session = SIM.predicate().createSession();
        route("r", uri(session, ""));

        await().until(() -> reported.size() == 1);
        await().during(Duration.ofMillis(500)).until(() -> SIM.requests().size() == 1);
        assertThat(SIM.requests().get(0).status()).isEqualTo(403);
        assertThat(reported.get(0)).isInstanceOfSatisfying(HttpOperationFailedException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(403);
            assertThat(e.getResponseBody()).contains("\"code\":\"forbidden\"");
        });
        assertDown("r", 403);
    }

    @Test
    void unknownSessionIsPermanentToo() throws Exception {
        route("r", "predicate-sse:individual/550e8400-e29b-41d4-a716-446655440000"
                   + "?exceptionHandler=#recordingHandler&reconnectDelay=10");

        await().until(() -> reported.size() == 1);
        await().during(Duration.ofMillis(300)).until(() -> SIM.requests().size() == 1);
        assertThat(reported.get(0)).isInstanceOfSatisfying(PredicateApiException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(404);
            assertThat(e.getCode()).isEqualTo("session_not_found");
            assertThat(e.getMessage()).startsWith("Predicate answered 404 session_not_found (this session ID is"
                                                  + " unknown to Predicate");
        });
        assertDown("r", 404);
        assertThat(consumer("r").getHealthCheck().call().getDetails())
                .hasEntrySatisfying(SseConsumerHealthCheck.DETAIL_LAST_ERROR, error -> assertThat((String) error)
                        .startsWith("Predicate answered 404 session_not_found (this session ID is unknown"));
    }

    @Test
    void bridgeErrorHandlerHandsTheFailureToTheRoutesErrorHandler() throws Exception {
        PredicateSession session = SIM.predicate().createSession();
        List<Exchange> failures = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(HttpOperationFailedException.class).handled(true).process(failures::add);
                from("predicate-sse:individual/" + session.id() + "?apiKey=wrong_key&bridgeErrorHandler=true")
                        .routeId("r").process(received::add);
            }
        });

        await().until(() -> failures.size() == 1);
        HttpOperationFailedException failure
                = failures.get(0).getProperty(Exchange.EXCEPTION_CAUGHT, HttpOperationFailedException.class);
        assertThat(failure.getStatusCode()).isEqualTo(401);
        await().during(Duration.ofMillis(300)).until(() -> SIM.requests().size() == 1);
        assertThat(received).isEmpty();
    }

    @Test
    void transientFailuresAreRetriedAndNotReported() throws Exception {
        SIM.faults().nextStream(Fault.serviceUnavailable(Duration.ZERO)).nextStream(Fault.dropAfterEvents(0));
        PredicateSession session = SIM.predicate().createSession();
        route("r", uri(session, ""));

        await().until(() -> received.size() == 1);
        assertThat(SIM.requests()).hasSize(3);
        assertThat(reported).isEmpty();
        assertThat(consumer("r").getHealthCheck().call().getState()).isEqualTo(HealthCheck.State.UP);
    }

    private void assertDown(String routeId, int status) {
        assertThat(consumer(routeId).streamStatus().state()).isEqualTo(StreamState.FAILED);
        HealthCheck.Result health = consumer(routeId).getHealthCheck().call();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, status)
                .containsEntry(SseConsumerHealthCheck.DETAIL_STATE, "FAILED");
        assertThat(health.getError()).containsInstanceOf(HttpOperationFailedException.class);
        assertThat(consumer(routeId).getHealthCheck().getId()).isEqualTo("predicate-sse-consumer-" + routeId);
    }
}
