/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.ScriptStart;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.SseSimulatorExtension;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The onboarding example of examples/yaml, as it is, under Camel Main with a file watch repository bean. */
class PredicateWatchYamlRouteTest {

    static final Path EXAMPLE = Path.of("../examples/yaml/onboarding-watch.camel.yaml").toAbsolutePath().normalize();

    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension();

    @TempDir
    Path dir;

    @Test
    void onboardingExampleApprovesCompletedAndNotifiesRejectedSessions() throws Exception {
        assertThat(EXAMPLE).exists();
        PredicateSession kyc = SIM.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();
        PredicateSession kyb = SIM.predicate().newSession().business().scriptStart(ScriptStart.MANUAL).create();
        Main main = new Main();
        main.configure().withRoutesIncludePattern("file:" + EXAMPLE);
        main.addInitialProperty("camel.component.predicate-sse.api-key", SseSimulator.PREDICATE_API_KEY);
        main.addInitialProperty("camel.component.predicate-sse.base-url", SIM.baseUrl());
        main.addInitialProperty("camel.beans.onboardingWatch",
                "#class:io.camelsse.component.predicate.FileWatchRepository(\"" + dir.resolve("watch.log") + "\")");
        main.addInitialProperty("onboarding.approve", "mock:approve");
        main.addInitialProperty("onboarding.notify", "mock:notify");
        main.start();
        try {
            MockEndpoint approve = main.getCamelContext().getEndpoint("mock:approve", MockEndpoint.class);
            MockEndpoint notify = main.getCamelContext().getEndpoint("mock:notify", MockEndpoint.class);
            approve.expectedHeaderReceived(PredicateSseConstants.SESSION_ID, kyc.id());
            approve.message(0).body().isInstanceOf(PredicateStatusEvent.class);
            notify.expectedHeaderReceived(PredicateSseConstants.SESSION_ID, kyb.id());
            notify.expectedHeaderReceived(PredicateSseConstants.VERIFICATION_TYPE, "business");

            var template = main.getCamelContext().createProducerTemplate();
            assertThat(template.requestBodyAndHeaders("direct:onboard", null,
                    Map.of("sessionId", kyc.id(), "verificationType", "individual"))).isEqualTo("watching");
            template.requestBodyAndHeaders("direct:onboard", null,
                    Map.of("sessionId", kyb.id(), "verificationType", "business"));
            await().until(() -> kyc.openStreams() == 1 && kyb.openStreams() == 1);
            kyc.advance();
            kyc.complete();
            kyb.reject();

            MockEndpoint.assertIsSatisfied(10, TimeUnit.SECONDS, approve, notify);
            assertThat(approve.getReceivedCounter()).isEqualTo(1);
            // both sessions are over: the file no longer lists them
            await().until(() -> new FileWatchRepository(dir.resolve("watch.log")).load("default").isEmpty());
        } finally {
            main.stop();
        }
    }
}
