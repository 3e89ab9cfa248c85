/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.builder.endpoint;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelsse.component.aidenid.AidenIdSseEndpoint;
import io.camelsse.component.predicate.PredicateSseEndpoint;
import io.camelsse.component.predicate.PredicateStatusEvent;
import io.camelsse.component.sse.SseEndpoint;
import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.RecordedRequest;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.SseSimulatorExtension;
import io.camelsse.simulator.Vendor;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Routes written with the builders, against the simulator: the options they set reach the consumers. */
class EndpointDslRouteTest {

    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension();

    private CamelContext context;
    private final List<String> predicateStatuses = new CopyOnWriteArrayList<>();
    private final List<String> aidenIdEventIds = new CopyOnWriteArrayList<>();
    private final List<String> sseBodies = new CopyOnWriteArrayList<>();

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
    void routesBuiltWithTheBuildersReceiveTheirEvents() throws Exception {
        PredicateSession session = SIM.predicate().createSession();
        String baseUrl = SIM.baseUrl();

        context.addRoutes(new SseEndpointRouteBuilder() {
            @Override
            public void configure() {
                from(predicateSse("individual/" + session.id())
                        .baseUrl(baseUrl)
                        .apiKey(SseSimulator.PREDICATE_API_KEY)
                        .readTimeout("1m"))
                        .routeId("predicate")
                        .process(e -> predicateStatuses.add(e.getMessage().getBody(PredicateStatusEvent.class).getStatus()));

                from(aidenidSse("stream")
                        .baseUrl(baseUrl)
                        .apiKey(SseSimulator.AIDENID_API_KEY)
                        .orgId(SseSimulator.AIDENID_ORG_ID)
                        .projectId(SseSimulator.AIDENID_PROJECT_ID)
                        .eventTypes("identity.created")
                        .advanced().maxEventSize(64 * 1024))
                        .routeId("aidenid")
                        .process(e -> aidenIdEventIds.add(e.getMessage().getHeader(aidenidSse().sseEventId(), String.class)));

                from(sse(baseUrl + "/v1/realtime/stream")
                        .headers("Authorization", "Bearer " + SseSimulator.AIDENID_API_KEY)
                        .headers("X-Org-Id", SseSimulator.AIDENID_ORG_ID)
                        .headers("X-Project-Id", SseSimulator.AIDENID_PROJECT_ID)
                        .readTimeout("1m")
                        .reconnectDelay(50))
                        .routeId("sse")
                        .process(e -> sseBodies.add(e.getMessage().getBody(String.class)));
            }
        });

        assertThat(context.getRoute("predicate").getEndpoint().getEndpointUri())
                .startsWith("predicate-sse://individual/" + session.id());
        assertThat(context.getRoute("sse").getEndpoint().getEndpointUri()).contains("readTimeout=1m");

        await().until(() -> session.openStreams() == 1 && SIM.stats().openStreams(Vendor.AIDENID) == 2);

        session.advance();
        session.complete();
        String identity = SIM.aidenId().publishIdentityCreated("ident_dsl");

        await().until(() -> predicateStatuses.contains("completed"));
        await().until(() -> aidenIdEventIds.contains(identity));
        await().until(() -> sseBodies.stream().anyMatch(body -> body.contains("ident_dsl")));
    }

    @Test
    void valuesWithCharactersAUriGivesAMeaningToArriveWholeWhenWrittenRaw() throws Exception {
        // Camel 4.18's endpoint DSL decodes option values twice (CAMEL-24253): unwrapped, '+' would turn into a
        // space and '&' would end the value, its rest going to the stream URL as a query parameter
        String secret = "ab+cd/ef==&x%41y";
        String eventId = "evt_1&n=2+3%";
        context.getPropertiesComponent().addInitialProperty("test.secret", secret);
        String baseUrl = SIM.baseUrl();

        context.addRoutes(new SseEndpointRouteBuilder() {
            @Override
            public void configure() {
                from(predicateSse("individual/550e8400-e29b-41d4-a716-446655440000")
                        .baseUrl(baseUrl)
                        .apiKey("RAW({{test.secret}})"))
                        .routeId("predicate-raw").autoStartup(false)
                        .to("mock:unused");

                from(aidenidSse("stream")
                        .baseUrl(baseUrl)
                        .apiKey("RAW({{test.secret}})")
                        .orgId(SseSimulator.AIDENID_ORG_ID)
                        .projectId(SseSimulator.AIDENID_PROJECT_ID)
                        .lastEventId("RAW(" + eventId + ")"))
                        .routeId("aidenid-raw").autoStartup(false)
                        .to("mock:unused");

                from(sse(baseUrl + "/v1/realtime/stream")
                        .headers("Authorization", "Bearer " + SseSimulator.AIDENID_API_KEY)
                        .headers("X-Signature", "RAW({{test.secret}})")
                        .requestHeaders("RAW(X-Org-Id: " + SseSimulator.AIDENID_ORG_ID + ", X-Project-Id: "
                                + SseSimulator.AIDENID_PROJECT_ID + ", X-Tenant: {{test.secret}})"))
                        .routeId("sse-raw")
                        .to("mock:unused");
            }
        });

        PredicateSseEndpoint predicate = (PredicateSseEndpoint) context.getRoute("predicate-raw").getEndpoint();
        assertThat(predicate.getConfiguration().getApiKey()).isEqualTo(secret);
        AidenIdSseEndpoint aidenId = (AidenIdSseEndpoint) context.getRoute("aidenid-raw").getEndpoint();
        assertThat(aidenId.getConfiguration().getApiKey()).isEqualTo(secret);
        assertThat(aidenId.getConfiguration().getLastEventId()).isEqualTo(eventId);
        SseEndpoint sse = (SseEndpoint) context.getRoute("sse-raw").getEndpoint();
        assertThat(sse.getConfiguration().getUrl()).isEqualTo(baseUrl + "/v1/realtime/stream");

        await().until(() -> SIM.stats().openStreams(Vendor.AIDENID) == 1);
        RecordedRequest request = SIM.simulator().lastRequest();
        assertThat(request.status()).isEqualTo(200);
        assertThat(request.uri()).isEqualTo("/v1/realtime/stream");
        assertThat(request.header("X-Signature")).isEqualTo(secret);
        assertThat(request.header("X-Tenant")).isEqualTo(secret);
        assertThat(request.header("X-Org-Id")).isEqualTo(SseSimulator.AIDENID_ORG_ID);
    }
}
