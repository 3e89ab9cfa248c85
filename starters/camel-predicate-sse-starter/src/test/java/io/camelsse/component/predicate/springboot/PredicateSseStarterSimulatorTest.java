/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate.springboot;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelsse.component.predicate.PredicateStatusEvent;
import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.RecordedRequest;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.SseSimulatorExtension;
import io.camelsse.simulator.Vendor;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot application whose predicate-sse component gets its key and server only from
 * camel.component.predicate-sse.api-key and base-url, following a session of the simulator on 127.0.0.1 from pending
 * to completed. The simulator answers 401 to any other key, so the statuses arriving show the key reached it.
 */
@SpringBootTest(classes = PredicateSseStarterSimulatorTest.Application.class)
@ExtendWith(OutputCaptureExtension.class)
class PredicateSseStarterSimulatorTest {

    // one simulator for the one application context of this class
    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension().resetBeforeEachTest(false);

    private static PredicateSession session;

    @BeforeAll
    static void createSession() {
        // pending, then submitted and completed 200 ms apart, from the first connection on
        session = SIM.predicate().newSession().happyPath(Duration.ofMillis(200)).create();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        properties.add("camel.component.predicate-sse.base-url", SIM::baseUrl);
        properties.add("camel.component.predicate-sse.api-key", () -> SseSimulator.PREDICATE_API_KEY);
        properties.add("kyc.session-id", () -> session.id());
    }

    @Autowired
    private Received received;

    @Test
    void theKeyAndBaseUrlPropertiesReachTheServerAndTheStatusesArrive() {
        await().atMost(Duration.ofSeconds(20)).until(() -> !SIM.simulator().requests(Vendor.PREDICATE).isEmpty());
        RecordedRequest first = SIM.simulator().requests(Vendor.PREDICATE).get(0);
        assertThat(first.path()).isEqualTo("/api/v1/status/realtime/individual/" + session.id());
        assertThat(first.headers("Authorization")).containsExactly("Bearer " + SseSimulator.PREDICATE_API_KEY);
        assertThat(first.status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> received.statuses().contains("completed"));
        assertThat(received.statuses()).containsExactly("pending", "submitted", "completed");
        assertThat(received.sessionIds()).containsOnly(session.id());
    }

    @Test
    void theKeyIsNeverLogged(CapturedOutput output) {
        // whatever the application has logged by now: start-up, the route, the connection
        await().atMost(Duration.ofSeconds(20)).until(() -> !SIM.simulator().requests(Vendor.PREDICATE).isEmpty());

        assertThat(output.getAll()).contains("Started PredicateSseStarterSimulatorTest")
                .doesNotContain(SseSimulator.PREDICATE_API_KEY);
    }

    /** The status events the route received, in order. */
    static final class Received {

        private final List<String> statuses = new CopyOnWriteArrayList<>();
        private final List<String> sessionIds = new CopyOnWriteArrayList<>();

        void add(PredicateStatusEvent event) {
            sessionIds.add(event.getSessionId());
            statuses.add(event.getStatus());
        }

        List<String> statuses() {
            return statuses;
        }

        List<String> sessionIds() {
            return sessionIds;
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        @Bean
        Received received() {
            return new Received();
        }

        @Bean
        RouteBuilder kycRoute(Received received) {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    // the URI names no key and no server: they come from the component
                    from("predicate-sse:individual/{{kyc.session-id}}").routeId("kyc")
                            .process(exchange -> received.add(
                                    exchange.getMessage().getBody(PredicateStatusEvent.class)));
                }
            };
        }
    }
}
