/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.javadsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.ScriptStart;
import io.camelsse.simulator.SimulatedWallet;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.SseSimulatorExtension;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class OnboardingWatchRouteTest {

    private static final String ADDRESS = "0x52908400098527886E0F7030069857D2E4169EE7";

    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension(b -> b.keepAliveInterval(Duration.ofMillis(500)));

    @TempDir
    Path dir;

    @Test
    void approvesCompletedSessionsNotifiesRejectedOnesAndGoesOnAfterARestart(SseSimulator sim) throws Exception {
        PredicateSession kyc = sim.predicate().newSession().scriptStart(ScriptStart.MANUAL)
                .unverifiedWallets(SimulatedWallet.ethereum("wallet-1", ADDRESS)).create();
        PredicateSession kyb = sim.predicate().newSession().business().scriptStart(ScriptStart.MANUAL).create();
        WalletApprovals approvals = new WalletApprovals();
        RejectionNotices notices = new RejectionNotices();
        System.setProperty("onboarding.watch-file", dir.resolve("watch.log").toString());
        CamelContext context = ExampleContext.start(sim, new OnboardingWatchRoute(approvals, notices));
        try {
            Object reply = context.createProducerTemplate().requestBodyAndHeaders("direct:onboard", null,
                    Map.of("sessionId", kyc.id(), "verificationType", "individual"));
            assertThat(reply).isEqualTo("watching");
            context.createProducerTemplate().requestBodyAndHeaders("direct:onboard", null,
                    Map.of("sessionId", kyb.id(), "verificationType", "business"));
            await().atMost(Duration.ofSeconds(15)).until(() -> kyc.openStreams() == 1 && kyb.openStreams() == 1);
            kyb.reject();
            await().atMost(Duration.ofSeconds(15)).until(() -> notices.sent().contains(kyb.id()));
        } finally {
            context.stop();
        }

        // the service restarts; the KYC session is completed meanwhile
        kyc.complete();
        context = ExampleContext.start(sim, new OnboardingWatchRoute(approvals, notices));
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> approvals.approved().contains(ADDRESS));
            assertThat(notices.sent()).containsExactly(kyb.id());
        } finally {
            context.stop();
            System.clearProperty("onboarding.watch-file");
        }
    }
}
