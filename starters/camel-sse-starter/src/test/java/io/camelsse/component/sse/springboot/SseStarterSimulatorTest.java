/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.springboot;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelsse.simulator.RecordedRequest;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.SseSimulatorExtension;
import io.camelsse.simulator.Vendor;
import org.apache.camel.builder.RouteBuilder;
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
 * A Spring Boot application whose sse component is configured only through camel.component.sse.request-headers,
 * reading the simulator's AidenID stream on 127.0.0.1. That stream answers 401 or 403 unless the key, X-Org-Id and
 * X-Project-Id arrive, so an event reaching the route shows the property reached the server; the simulator's record
 * of the request shows the header names kept their dashes and case.
 */
@SpringBootTest(classes = SseStarterSimulatorTest.Application.class)
@ExtendWith(OutputCaptureExtension.class)
class SseStarterSimulatorTest {

    private static final String TRACE_TOKEN = "trace-token-7f3a9c41";

    // one simulator for the one application context of this class, whose stream stays open across the tests
    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension().resetBeforeEachTest(false);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        properties.add("stream.url", () -> SIM.simulator().aidenIdStreamUrl());
        properties.add("stream.project", () -> SseSimulator.AIDENID_PROJECT_ID);
        // the project through a Camel placeholder, the key through Spring's: both as an application would write them
        properties.add("camel.component.sse.request-headers",
                () -> "Authorization: Bearer " + SseSimulator.AIDENID_API_KEY + ", X-Org-Id: "
                      + SseSimulator.AIDENID_ORG_ID + ", X-Project-Id: {{stream.project}}, X-Trace-Token: "
                      + TRACE_TOKEN);
    }

    @Autowired
    private Received received;

    @Test
    void theRequestHeadersPropertyReachesTheServerAndTheEventsArrive() {
        await().atMost(Duration.ofSeconds(20)).until(() -> !SIM.simulator().requests(Vendor.AIDENID).isEmpty());
        RecordedRequest first = SIM.simulator().requests(Vendor.AIDENID).get(0);
        assertThat(first.headers()).containsKeys("Authorization", "X-Org-Id", "X-Project-Id", "X-Trace-Token");
        assertThat(first.headers("Authorization")).containsExactly("Bearer " + SseSimulator.AIDENID_API_KEY);
        assertThat(first.headers("X-Org-Id")).containsExactly(SseSimulator.AIDENID_ORG_ID);
        assertThat(first.headers("X-Project-Id")).containsExactly(SseSimulator.AIDENID_PROJECT_ID);
        assertThat(first.headers("X-Trace-Token")).containsExactly(TRACE_TOKEN);
        assertThat(first.status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> SIM.stats().openStreams(Vendor.AIDENID) == 1);
        SIM.aidenId().publishIdentityCreated("ident_starter001");
        SIM.aidenId().publishInboundReceived("ident_starter001");

        await().atMost(Duration.ofSeconds(20)).until(() -> received.types().size() == 2);
        assertThat(received.types()).containsExactly("identity.created", "inbound.received");
        assertThat(received.bodies()).allSatisfy(body -> assertThat(body).contains("\"ident_starter001\""));
    }

    @Test
    void theHeaderValuesAreNeverLogged(CapturedOutput output) {
        // whatever the application has logged by now: start-up, the route, the connection
        await().atMost(Duration.ofSeconds(20)).until(() -> SIM.stats().openStreams(Vendor.AIDENID) == 1);

        assertThat(output.getAll()).contains("Started SseStarterSimulatorTest")
                .doesNotContain(SseSimulator.AIDENID_API_KEY)
                .doesNotContain(TRACE_TOKEN);
    }

    /** The events the route received, in order. */
    static final class Received {

        private final List<String> types = new CopyOnWriteArrayList<>();
        private final List<String> bodies = new CopyOnWriteArrayList<>();

        void add(String type, String body) {
            bodies.add(body);
            types.add(type);
        }

        List<String> types() {
            return types;
        }

        List<String> bodies() {
            return bodies;
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
        RouteBuilder streamRoute(Received received) {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    // the URI names no header: they all come from the component
                    from("sse:{{stream.url}}").routeId("stream")
                            .process(exchange -> received.add(
                                    exchange.getMessage().getHeader("CamelSseEventType", String.class),
                                    exchange.getMessage().getBody(String.class)));
                }
            };
        }
    }
}
