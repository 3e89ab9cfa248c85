/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.SseSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The demo's whole flow, as the README's first command runs it, with a quicker timeline. */
class DemoTest {

    private static final Duration QUICK_PACE = Duration.ofMillis(200);

    @RegisterExtension
    static final SseSimulatorExtension REAL_API_STAND_IN = new SseSimulatorExtension();

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void theKycSessionAndTheAidenIdEventsGoThroughTheRoutesAndTheDemoExitsZero() throws Exception {
        Demo.DemoResult result = new Demo(DemoSettings.simulatorOnly(QUICK_PACE, Duration.ofSeconds(60)), out).run();

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(result.exitCode()).as(output).isZero();
        assertThat(result.summary()).anySatisfy(line -> assertThat(line)
                .contains("kyc-status", "3 status event(s): pending -> submitted -> completed",
                        "final status: completed (verified)"));
        assertThat(result.summary()).anySatisfy(line -> assertThat(line)
                .contains("approve-wallet", "1 wallet(s) approved: " + SimulatorScript.WALLET_ADDRESS + " (ethereum)"));
        assertThat(result.summary()).anySatisfy(line -> assertThat(line)
                .contains("aidenid-events", "4 event(s)", "identity.created x1", "inbound.received x1",
                        "extraction.completed x1", "identity.expired x1"));
        assertThat(result.summary()).anySatisfy(line -> assertThat(line)
                .contains("1 of type project.updated was kept out by eventTypes"));
        assertThat(result.summary()).anySatisfy(line -> assertThat(line).contains("fill-otp", "1 one-time code"));
        assertThat(result.summary()).last().asString().startsWith("Result: OK");
        assertThat(output).contains("Simulator: http://127.0.0.1:", "Summary (");
    }

    @Test
    void aRefusedKeyEndsTheDemoAtOnceWithExitCodeOneAndAHint(SseSimulator predicateStandIn) throws Exception {
        String wrongKey = "pk_live_wrong_key_0123456789";
        DemoSettings settings = new DemoSettings(
                new DemoSettings.PredicateTarget(predicateStandIn.baseUrl(), wrongKey, "individual",
                        UUID.randomUUID().toString()),
                null, QUICK_PACE, Duration.ofSeconds(60));

        Demo.DemoResult result = new Demo(settings, out).run();

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(result.exitCode()).as(output).isEqualTo(1);
        assertThat(result.summary()).last().asString()
                .startsWith("Result: FAILED, a stream failed: kyc-status: HTTP 401 Unauthorized")
                .contains("check PREDICATE_API_KEY", "docs/troubleshooting.md");
        assertThat(output).contains("Predicate: real API " + predicateStandIn.baseUrl()).doesNotContain(wrongKey);
        assertThat(String.join("\n", result.summary())).doesNotContain(wrongKey);
    }
}
