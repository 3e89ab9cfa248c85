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
import java.util.Map;

import org.junit.jupiter.api.Test;

class DemoSettingsTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream notes = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void withoutCredentialsBothVendorsUseTheSimulator() {
        DemoSettings settings = DemoSettings.fromEnvironment(Map.of(), notes);

        assertThat(settings.predicate()).isNull();
        assertThat(settings.aidenId()).isNull();
        assertThat(settings.needsSimulator()).isTrue();
        assertThat(settings.maxDuration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void completeCredentialsPointAVendorAtItsRealApi() {
        DemoSettings settings = DemoSettings.fromEnvironment(Map.of(
                "PREDICATE_API_KEY", "pk_secret_1",
                "PREDICATE_SESSION_ID", "550e8400-e29b-41d4-a716-446655440000",
                "AIDENID_API_KEY", "aid_secret_2",
                "AIDENID_ORG_ID", "org_abc123",
                "AIDENID_PROJECT_ID", "proj_def456",
                "DEMO_MAX_SECONDS", "120"), notes);

        assertThat(settings.predicate()).isEqualTo(new DemoSettings.PredicateTarget(
                "https://api.identity.predicate.io", "pk_secret_1", "individual",
                "550e8400-e29b-41d4-a716-446655440000"));
        assertThat(settings.aidenId()).isEqualTo(new DemoSettings.AidenIdTarget(
                "https://api.aidenid.com", "aid_secret_2", "org_abc123", "proj_def456"));
        assertThat(settings.needsSimulator()).isFalse();
        assertThat(settings.maxDuration()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.toString()).doesNotContain("pk_secret_1", "aid_secret_2");
    }

    @Test
    void partialCredentialsKeepTheSimulatorAndSaySo() {
        DemoSettings settings = DemoSettings.fromEnvironment(Map.of(
                "PREDICATE_API_KEY", "pk_secret_1",
                "AIDENID_ORG_ID", "org_abc123"), notes);

        assertThat(settings.predicate()).isNull();
        assertThat(settings.aidenId()).isNull();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("PREDICATE_SESSION_ID", "AIDENID_API_KEY").doesNotContain("pk_secret_1");
    }

    @Test
    void optionalSettingsChooseTheSessionTypeAndTheBaseUrl() {
        DemoSettings settings = DemoSettings.fromEnvironment(Map.of(
                "PREDICATE_API_KEY", "pk_secret_1",
                "PREDICATE_SESSION_ID", "550e8400-e29b-41d4-a716-446655440000",
                "PREDICATE_VERIFICATION_TYPE", "Business",
                "PREDICATE_BASE_URL", "https://api.kyc.predicate.io"), notes);

        assertThat(settings.predicate().verificationType()).isEqualTo("business");
        assertThat(settings.predicate().baseUrl()).isEqualTo("https://api.kyc.predicate.io");
    }
}
