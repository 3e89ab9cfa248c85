/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.javadsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.SimulatedWallet;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.SseSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KycStatusRouteTest {

    private static final String ADDRESS = "0x52908400098527886E0F7030069857D2E4169EE7";

    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension(b -> b.keepAliveInterval(Duration.ofMillis(500)));

    @Test
    void approvesTheWalletOnlyOnceTheSessionIsCompleted(SseSimulator sim) throws Exception {
        PredicateSession session = sim.predicate().newSession()
                .unverifiedWallets(SimulatedWallet.ethereum("wallet-1", ADDRESS))
                .create();
        WalletApprovals approvals = new WalletApprovals();
        CamelContext context = ExampleContext.start(sim, new KycStatusRoute(session.id(), approvals));
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> session.openStreams() == 1);
            session.advance();
            await().atMost(Duration.ofSeconds(15)).until(() -> sim.stats().eventsSent() >= 2);
            assertThat(approvals.approved()).as("submitted is not verified").isEmpty();

            session.complete();
            await().atMost(Duration.ofSeconds(15)).until(() -> !approvals.approved().isEmpty());
            assertThat(approvals.approved()).containsExactly(ADDRESS);
            // after the final status the stream is closed and not reopened
            await().atMost(Duration.ofSeconds(15)).until(() -> session.openStreams() == 0);
            assertThat(context.getRouteController().getRouteStatus("kyc-status")).isEqualTo(ServiceStatus.Started);
        } finally {
            context.stop();
        }
    }

    @Test
    void approvesNothingWhenTheSessionIsRejected(SseSimulator sim) throws Exception {
        PredicateSession session = sim.predicate().newSession()
                .unverifiedWallets(SimulatedWallet.ethereum("wallet-1", ADDRESS))
                .create();
        WalletApprovals approvals = new WalletApprovals();
        CamelContext context = ExampleContext.start(sim, new KycStatusRoute(session.id(), approvals));
        NotifyBuilder routed = new NotifyBuilder(context).fromRoute("kyc-status").whenExactlyDone(2).create();
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> session.openStreams() == 1);
            session.reject();
            await().atMost(Duration.ofSeconds(15)).until(() -> session.openStreams() == 0);
            assertThat(routed.matches(15, TimeUnit.SECONDS)).as("pending and rejected routed").isTrue();
            assertThat(approvals.approved()).isEmpty();
        } finally {
            context.stop();
        }
    }
}
