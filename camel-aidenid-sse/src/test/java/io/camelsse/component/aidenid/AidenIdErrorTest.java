/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.camelsse.component.sse.health.SseConsumerHealthCheck;
import io.camelsse.simulator.RecordedRequest;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.Vendor;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** 401 and 403 are permanent and carry the vendor's code; 429 backs off as long as Retry-After says. */
class AidenIdErrorTest extends AidenIdRouteTestSupport {

    @Test
    void unauthorizedIsPermanentAndCarriesTheCode() throws Exception {
        route("r", aidenId("").replace(SseSimulator.AIDENID_API_KEY, "aid_not_a_valid_key"));

        AidenIdApiException failure = awaitPermanentFailure("r");
        assertThat(failure.getStatusCode()).isEqualTo(401);
        assertThat(failure.getCode()).isEqualTo("unauthorized");
        assertThat(failure.getResponseBody()).contains("\"code\":\"unauthorized\"");
        assertThat(failure.getMessage()).contains("401 unauthorized").doesNotContain("aid_not_a_valid_key");
    }

    @Test
    void forbiddenIsPermanentAndCarriesTheCode() throws Exception {
        route("r", aidenId("").replace(SseSimulator.AIDENID_API_KEY, SseSimulator.AIDENID_NO_SCOPE_API_KEY));

        AidenIdApiException failure = awaitPermanentFailure("r");
        assertThat(failure.getStatusCode()).isEqualTo(403);
        assertThat(failure.getCode()).isEqualTo("forbidden");
        assertThat(failure.getMessage()).contains("403 forbidden");
    }

    @Test
    void projectTheKeyCannotReadIsForbidden() throws Exception {
        route("r", aidenId("").replace("projectId=" + SseSimulator.AIDENID_PROJECT_ID, "projectId=proj_other"));

        AidenIdApiException failure = awaitPermanentFailure("r");
        assertThat(failure.getCode()).isEqualTo("forbidden");
        assertThat(SIM.simulator().requests(Vendor.AIDENID).get(0).header("X-Project-Id")).isEqualTo("proj_other");
    }

    @Test
    void bridgeErrorHandlerRoutesThePermanentFailureToTheRoutesErrorHandler() throws Exception {
        List<Exchange> failures = new CopyOnWriteArrayList<>();
        String uri = aidenId("bridgeErrorHandler=true").replace(SseSimulator.AIDENID_API_KEY, "aid_wrong")
                .replace("&exceptionHandler=#recordingHandler", "");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(HttpOperationFailedException.class).handled(true).process(failures::add);
                from(uri).routeId("r").process(received::add);
            }
        });

        await().until(() -> failures.size() == 1);
        AidenIdApiException failure = failures.get(0).getProperty(Exchange.EXCEPTION_CAUGHT,
                AidenIdApiException.class);
        assertThat(failure.getCode()).isEqualTo("unauthorized");
        assertThat(received).isEmpty();
    }

    @Test
    void streamLimitBacksOffAsLongAsRetryAfterSaysThenConnectsWhenASlotFrees() throws Exception {
        SIM.aidenId().streamLimit(1).streamLimitRetryAfter(Duration.ofSeconds(1));
        try (Socket other = openStreamElsewhere()) {
            route("r", aidenId(""));
            await().until(() -> SIM.simulator().requests(Vendor.AIDENID).stream().filter(r -> r.status() == 429).count() >= 3);
            HealthCheck.Result health = consumer("r").getHealthCheck().call();
            assertThat(health.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat((String) health.getDetails().get(SseConsumerHealthCheck.DETAIL_LAST_ERROR))
                    .contains("429 stream_limit_reached");
        }

        awaitConnected("r");
        String id = SIM.aidenId().publishExtractionCompleted("ident_a1b2c3d4e5");
        await().until(() -> receivedIds().contains(id));

        List<RecordedRequest> limited = SIM.simulator().requests(Vendor.AIDENID).stream()
                .filter(r -> r.status() == 429 && r.number() > 1).toList();
        for (int i = 1; i < limited.size(); i++) {
            Duration gap = Duration.between(limited.get(i - 1).receivedAt(), limited.get(i).receivedAt());
            // reconnectDelay and the server's retry: are 20 ms; only Retry-After explains a second
            assertThat(gap).as("gap before request %d", limited.get(i).number())
                    .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }
        assertThat(reported).as("a transient failure is not an error of the route").isEmpty();
        assertThat(consumer("r").getHealthCheck().call().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void streamLimitThatOutlastsMaxReconnectAttemptsFailsWithTheCode() throws Exception {
        SIM.aidenId().streamLimit(1).streamLimitRetryAfter(Duration.ofSeconds(1));
        try (Socket other = openStreamElsewhere()) {
            route("r", aidenId("maxReconnectAttempts=1"));

            AidenIdApiException failure = awaitReportedFailure("r");
            assertThat(failure.getStatusCode()).isEqualTo(429);
            assertThat(failure.getCode()).isEqualTo("stream_limit_reached");
        }
    }

    /** Waits for the one report, checks the one request had no follower and the health check is DOWN with it. */
    private AidenIdApiException awaitPermanentFailure(String routeId) {
        AidenIdApiException failure = awaitReportedFailure(routeId);
        assertThat(SIM.simulator().requests(Vendor.AIDENID)).hasSize(1);
        return failure;
    }

    private AidenIdApiException awaitReportedFailure(String routeId) {
        await().until(() -> reported.size() == 1);
        long requests = SIM.simulator().requests(Vendor.AIDENID).size();
        await().during(500, TimeUnit.MILLISECONDS).atMost(5, TimeUnit.SECONDS)
                .until(() -> SIM.simulator().requests(Vendor.AIDENID).size() == requests && reported.size() == 1);
        assertThat(received).isEmpty();
        assertThat(reported.get(0)).isInstanceOf(AidenIdApiException.class);
        AidenIdApiException failure = (AidenIdApiException) reported.get(0);

        HealthCheck.Result health = consumer(routeId).getHealthCheck().call();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, failure.getStatusCode());
        assertThat(health.getError()).containsInstanceOf(AidenIdApiException.class);
        assertThat(((AidenIdApiException) health.getError().get()).getCode()).isEqualTo(failure.getCode());
        return failure;
    }

    /** Another client holding the only stream slot; closing the socket frees it. */
    private static Socket openStreamElsewhere() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), SIM.port());
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + SseSimulator.AIDENID_STREAM_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                   + "Authorization: Bearer " + SseSimulator.AIDENID_API_KEY + "\r\n"
                   + "X-Org-Id: " + SseSimulator.AIDENID_ORG_ID + "\r\n"
                   + "X-Project-Id: " + SseSimulator.AIDENID_PROJECT_ID + "\r\n"
                   + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        byte[] status = in.readNBytes("HTTP/1.1 200".length());
        assertThat(new String(status, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
        return socket;
    }
}
