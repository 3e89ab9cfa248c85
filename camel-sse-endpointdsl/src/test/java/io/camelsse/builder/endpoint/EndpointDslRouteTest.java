/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.builder.endpoint;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelsse.component.predicate.PredicateStatusEvent;
import io.camelsse.simulator.PredicateSession;
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
}
