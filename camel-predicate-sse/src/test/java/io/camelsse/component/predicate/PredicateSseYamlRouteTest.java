/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.time.Duration;

import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.SseSimulatorExtension;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class PredicateSseYamlRouteTest {

    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension();

    @Test
    void yamlRoutesUnderCamelMainWithTheKeyOnTheComponent() throws Exception {
        PredicateSession session = SIM.predicate().newSession().happyPath(Duration.ofMillis(100)).create();
        PredicateSession business = SIM.predicate().newSession().business().happyPath(Duration.ofMillis(100))
                .create();
        Main main = new Main();
        main.configure().withRoutesIncludePattern("classpath:routes/predicate-route.yaml");
        main.addInitialProperty("camel.component.predicate-sse.api-key", SseSimulator.PREDICATE_API_KEY);
        main.addInitialProperty("camel.component.predicate-sse.base-url", SIM.baseUrl());
        main.addInitialProperty("session.id", session.id());
        main.start();
        try {
            MockEndpoint progress = main.getCamelContext().getEndpoint("mock:progress", MockEndpoint.class);
            MockEndpoint verified = main.getCamelContext().getEndpoint("mock:verified", MockEndpoint.class);
            MockEndpoint outcome = main.getCamelContext().getEndpoint("mock:outcome", MockEndpoint.class);
            progress.expectedHeaderValuesReceivedInAnyOrder(PredicateSseConstants.STATUS, "pending", "submitted");
            verified.expectedMessageCount(1);
            verified.expectedHeaderReceived(PredicateSseConstants.STATUS, "completed");
            verified.message(0).body().isInstanceOf(PredicateStatusEvent.class);
            outcome.expectedMessageCount(1);
            outcome.expectedHeaderReceived(PredicateSseConstants.VERIFICATION_TYPE, "business");
            outcome.expectedHeaderReceived(PredicateSseConstants.STATUS, "completed");

            main.getCamelContext().createProducerTemplate().sendBodyAndHeader("direct:outcome", null, "sessionId",
                    business.id());

            MockEndpoint.assertIsSatisfied(10, java.util.concurrent.TimeUnit.SECONDS, progress, verified, outcome);
            assertThat(SIM.requests()).allSatisfy(
                    r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + SseSimulator.PREDICATE_API_KEY));
        } finally {
            main.stop();
        }
    }
}
