/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid.springboot;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelsse.component.aidenid.AidenIdEvent;
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
 * A Spring Boot application whose aidenid-sse component gets its key, organization, project, server and event types
 * only from camel.component.aidenid-sse.* properties, reading the simulator's stream on 127.0.0.1. The simulator
 * answers 401 or 403 unless the key, X-Org-Id and X-Project-Id are right, so the events arriving show the properties
 * reached it, and the one of another type staying out shows event-types reached the endpoint.
 */
@SpringBootTest(classes = AidenIdSseStarterSimulatorTest.Application.class,
                properties = "camel.component.aidenid-sse.event-types=identity.created,extraction.completed")
@ExtendWith(OutputCaptureExtension.class)
class AidenIdSseStarterSimulatorTest {

    // one simulator for the one application context of this class, whose stream stays open across the tests
    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension().resetBeforeEachTest(false);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        properties.add("camel.component.aidenid-sse.base-url", SIM::baseUrl);
        // the key through a Camel placeholder, as the docs advise ({{env:AIDENID_API_KEY}} in an application)
        properties.add("vault.aidenid", () -> SseSimulator.AIDENID_API_KEY);
        properties.add("camel.component.aidenid-sse.api-key", () -> "{{vault.aidenid}}");
        properties.add("camel.component.aidenid-sse.org-id", () -> SseSimulator.AIDENID_ORG_ID);
        properties.add("camel.component.aidenid-sse.project-id", () -> SseSimulator.AIDENID_PROJECT_ID);
    }

    @Autowired
    private Received received;

    @Test
    void theKeyOrganizationAndProjectReachTheServerAndTheWantedEventsArrive() {
        await().atMost(Duration.ofSeconds(20)).until(() -> !SIM.simulator().requests(Vendor.AIDENID).isEmpty());
        RecordedRequest first = SIM.simulator().requests(Vendor.AIDENID).get(0);
        assertThat(first.path()).isEqualTo("/v1/realtime/stream");
        assertThat(first.headers("Authorization")).containsExactly("Bearer " + SseSimulator.AIDENID_API_KEY);
        assertThat(first.headers("X-Org-Id")).containsExactly(SseSimulator.AIDENID_ORG_ID);
        assertThat(first.headers("X-Project-Id")).containsExactly(SseSimulator.AIDENID_PROJECT_ID);
        assertThat(first.status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> SIM.stats().openStreams(Vendor.AIDENID) == 1);
        SIM.aidenId().publishIdentityCreated("ident_starter002");
        SIM.aidenId().publishInboundReceived("ident_starter002");
        SIM.aidenId().publishExtractionCompleted("ident_starter002");

        await().atMost(Duration.ofSeconds(20)).until(() -> received.types().contains("extraction.completed"));
        assertThat(received.types()).containsExactly("identity.created", "extraction.completed");
        assertThat(received.identityIds()).containsOnly("ident_starter002");
    }

    @Test
    void theKeyIsNeverLogged(CapturedOutput output) {
        // whatever the application has logged by now: start-up, the route, the connection
        await().atMost(Duration.ofSeconds(20)).until(() -> !SIM.simulator().requests(Vendor.AIDENID).isEmpty());

        assertThat(output.getAll()).contains("Started AidenIdSseStarterSimulatorTest")
                .doesNotContain(SseSimulator.AIDENID_API_KEY);
    }

    /** The events the route received, in order. */
    static final class Received {

        private final List<String> types = new CopyOnWriteArrayList<>();
        private final List<String> identityIds = new CopyOnWriteArrayList<>();

        void add(AidenIdEvent event) {
            identityIds.add(event.getIdentityId());
            types.add(event.getType());
        }

        List<String> types() {
            return types;
        }

        List<String> identityIds() {
            return identityIds;
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
        RouteBuilder eventsRoute(Received received) {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    // the URI names no key, project or server: they come from the component
                    from("aidenid-sse:stream").routeId("events")
                            .process(exchange -> received.add(exchange.getMessage().getBody(AidenIdEvent.class)));
                }
            };
        }
    }
}
