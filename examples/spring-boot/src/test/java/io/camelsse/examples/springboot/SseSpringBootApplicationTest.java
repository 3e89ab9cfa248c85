/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.springboot;

import java.time.Duration;

import io.camelsse.component.aidenid.AidenIdEvent;
import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.SessionStatus;
import io.camelsse.simulator.SimulatedWallet;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.SseSimulatorExtension;
import io.camelsse.simulator.Step;
import io.camelsse.simulator.Vendor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the application as it ships, with its application.properties, against an embedded simulator on a random
 * port: only the simulator's address and the session to follow are set by the test. Both components get their keys
 * and servers from the starters, so the events arriving shows the configuration reached them.
 */
@SpringBootTest(classes = SseSpringBootApplication.class,
                properties = "camel.main.run-controller=false")
@ExtendWith(OutputCaptureExtension.class)
class SseSpringBootApplicationTest {

    private static final String WALLET = "0x52908400098527886E0F7030069857D2E4169EE7";

    // one simulator for the one application context of this class
    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension(
            b -> b.keepAliveInterval(Duration.ofMillis(500))).resetBeforeEachTest(false);

    private static PredicateSession session;

    @Autowired
    private WalletApprovals approvals;

    @Autowired
    private IdentityInbox inbox;

    @BeforeAll
    static void createSession() {
        session = SIM.predicate().newSession()
                .script(Step.after(Duration.ofMillis(200), SessionStatus.SUBMITTED),
                        Step.after(Duration.ofMillis(200), SessionStatus.COMPLETED).withUserId("user-42")
                                .withVerifiedWallets(SimulatedWallet.ethereum("wallet-1", WALLET)))
                .create();
    }

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry properties) {
        properties.add("simulator.base-url", SIM::baseUrl);
        properties.add("kyc.session-id", () -> session.id());
    }

    @Test
    void theKycSessionIsFollowedUntilTheWalletIsApproved() {
        await().atMost(Duration.ofSeconds(20)).until(() -> !approvals.approved().isEmpty());

        assertThat(approvals.approved()).containsExactly(WALLET);
        assertThat(session.status()).isEqualTo("completed");
    }

    @Test
    void theAidenIdEventsOfTheWantedTypesArrive() {
        await().atMost(Duration.ofSeconds(20)).until(() -> SIM.stats().openStreams(Vendor.AIDENID) == 1);

        SIM.aidenId().publishIdentityCreated("ident_boot000001");
        SIM.aidenId().publish("project.updated", "{\"project_id\":\"proj_sim\"}");
        SIM.aidenId().publishExtractionCompleted("ident_boot000001");

        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.received().size() == 2);
        assertThat(inbox.received()).extracting(AidenIdEvent::getType)
                .containsExactly("identity.created", "extraction.completed");
        assertThat(inbox.received()).extracting(AidenIdEvent::getIdentityId).containsOnly("ident_boot000001");
    }

    @Test
    void theKeysAreNeverLogged(CapturedOutput output) {
        // whatever the application has logged by now: start-up, connections, events
        await().atMost(Duration.ofSeconds(20)).until(() -> SIM.stats().openStreams(Vendor.AIDENID) == 1);

        assertThat(output.getAll()).contains("Started SseSpringBootApplicationTest")
                .doesNotContain(SseSimulator.PREDICATE_API_KEY)
                .doesNotContain(SseSimulator.AIDENID_API_KEY);
    }
}
