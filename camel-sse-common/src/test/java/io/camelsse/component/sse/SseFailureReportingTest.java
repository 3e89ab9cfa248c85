/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.camelsse.component.sse.connection.StreamState;
import io.camelsse.component.sse.health.SseConsumerHealthCheck;
import io.camelsse.simulator.Fault;
import io.camelsse.simulator.SseSimulator;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every failure says, in words, what happened and what the consumer does next, names its route, and turns the health
 * check DOWN once the stream has been without a connection for {@code unhealthyAfter}.
 */
class SseFailureReportingTest extends SseRouteTestSupport {

    private SseSimulator simulator;
    private LogCapture log;

    @BeforeEach
    void startSimulatorAndCapture() {
        simulator = SseSimulator.builder().keepAliveInterval(Duration.ofMillis(200)).build().start();
        log = new LogCapture();
    }

    @AfterEach
    void stopSimulatorAndCapture() {
        log.close();
        simulator.close();
    }

    @Test
    void connectionRefusedReadsInWordsWithTheAttemptTheNextTryAndSinceWhenTheStreamIsDown() throws Exception {
        String url = "http://127.0.0.1:" + freePort() + "/events";
        route("refused", "sse:" + url + "?exceptionHandler=#recordingHandler&reconnectDelay=10&maxReconnectDelay=50");

        await().until(() -> warnings().stream().anyMatch(l -> l.contains("attempt 3 failed")));
        assertThat(warnings()).anySatisfy(line -> assertThat(line)
                .contains("Route 'refused': " + url + ": connection refused")
                .contains("; attempt 3 failed, next try in ")
                .contains(", no connection since 20"));
        assertThat(warnings()).as("an expected failure logs no stack trace").noneMatch(l -> l.contains("\tat "));
        HealthCheck.Result health = health("refused");
        assertThat(health.getDetails()).hasEntrySatisfying(SseConsumerHealthCheck.DETAIL_LAST_ERROR,
                error -> assertThat((String) error).startsWith("connection refused"))
                .containsKey(SseConsumerHealthCheck.DETAIL_DOWN_SINCE);
        assertThat(reported).as("transient: not the route's business").isEmpty();
    }

    @Test
    void aStreamThatNeverConnectedTurnsDownAfterUnhealthyAfter() throws Exception {
        String url = "http://127.0.0.1:" + freePort() + "/events";
        route("down", "sse:" + url + "?reconnectDelay=10&maxReconnectDelay=50&unhealthyAfter=300");

        await().until(() -> health("down").getState() == HealthCheck.State.DOWN);
        HealthCheck.Result health = health("down");
        assertThat(health.getMessage()).hasValueSatisfying(m -> assertThat(m)
                .startsWith("No connection to " + url + " for ").contains(": connection refused"));
        assertThat(consumer("down").streamStatus().state()).isNotEqualTo(StreamState.FAILED);
    }

    @Test
    void withUnhealthyAfterZeroOnlyAPermanentFailureTurnsTheHealthDown() throws Exception {
        String url = "http://127.0.0.1:" + freePort() + "/events";
        route("patient", "sse:" + url + "?reconnectDelay=10&maxReconnectDelay=50&unhealthyAfter=0");

        await().until(() -> consumer("patient").streamStatus().failedAttempts() >= 5);
        assertThat(health("patient").getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void healthIsUpAgainOnceTheStreamConnects() throws Exception {
        simulator.faults().always(Fault.serviceUnavailable(Duration.ofMillis(0)));
        route("recovers", aidenId("reconnectDelay=10&maxReconnectDelay=50&unhealthyAfter=200"));
        await().until(() -> health("recovers").getState() == HealthCheck.State.DOWN
                            && health("recovers").getMessage().orElse("").contains(": the server answered 503"));

        simulator.faults().clear();

        await().until(() -> health("recovers").getState() == HealthCheck.State.UP);
        assertThat(consumer("recovers").streamStatus().state()).isEqualTo(StreamState.CONNECTED);
        assertThat(infos()).anySatisfy(line -> assertThat(line).contains("Route 'recovers': ")
                .contains(": reconnected after ").contains(" without a connection"));
    }

    @Test
    void httpsToAPlainHttpPortSaysTheServerDoesNotSpeakTls() throws Exception {
        String url = "https://127.0.0.1:" + simulator.port() + "/events";
        route("tls", "sse:" + url + "?reconnectDelay=10&maxReconnectDelay=50&unhealthyAfter=300");

        // asserted together: on a busy machine an attempt may end another way first (a connect timeout, say)
        await().untilAsserted(() -> {
            HealthCheck.Result result = health("tls");
            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m)
                    .contains("TLS handshake failed: the server does not speak TLS on this port"));
        });
    }

    @Test
    void aServerThatDropsTheConnectionInTheMiddleOfAnEventIsSaidInWords() throws Exception {
        simulator.faults().nextStream(Fault.dropMidEvent(1));
        route("drop", aidenId("reconnectDelay=10&lastEventId=evt_000000"));
        simulator.aidenId().publishIdentityCreated("ident_a1b2c3d4e5");
        simulator.aidenId().publishIdentityCreated("ident_a1b2c3d4e5");

        await().until(() -> received.size() == 2);
        assertThat(warnings()).anySatisfy(line -> assertThat(line).contains("Route 'drop': ")
                .contains(": the server closed the connection before the stream ended; reconnecting in "));
    }

    @Test
    void logLinesComeFromCamelsThreadsNeverFromBareThreads() throws Exception {
        simulator.faults().nextStream(Fault.serviceUnavailable(Duration.ofMillis(0)));
        simulator.faults().nextStream(Fault.serviceUnavailable(Duration.ofMillis(0)));
        route("threads", aidenId("reconnectDelay=10"));

        await().until(() -> warnings().size() >= 2);
        assertThat(warnings()).allSatisfy(line -> assertThat(line).contains("[Camel (").doesNotContain("[Thread-"));
    }

    private String aidenId(String options) {
        String key = URLEncoder.encode("Bearer " + SseSimulator.AIDENID_API_KEY, StandardCharsets.UTF_8);
        return "sse:" + simulator.aidenIdStreamUrl() + "?header.Authorization=" + key
               + "&header.X-Org-Id=" + SseSimulator.AIDENID_ORG_ID
               + "&header.X-Project-Id=" + SseSimulator.AIDENID_PROJECT_ID
               + "&exceptionHandler=#recordingHandler&" + options;
    }

    private List<String> warnings() {
        return log.lines().stream().filter(l -> l.startsWith("WARN io.camelsse")).toList();
    }

    private List<String> infos() {
        return log.lines().stream().filter(l -> l.startsWith("INFO io.camelsse")).toList();
    }

    private SseConsumer consumer(String routeId) {
        return (SseConsumer) context.getRoute(routeId).getConsumer();
    }

    private HealthCheck.Result health(String routeId) {
        return consumer(routeId).getHealthCheck().call();
    }

    /** A port nothing listens on: bound once, then let go. */
    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
