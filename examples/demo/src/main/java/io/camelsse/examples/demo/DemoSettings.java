/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * What the demo connects to. Each vendor is either the embedded simulator (a null target) or the real API, chosen by
 * the environment: a vendor whose credentials are all present is reached for real.
 *
 * @param predicate   the real Predicate API, or null for the simulator
 * @param aidenId     the real AidenID API, or null for the simulator
 * @param pace        time between two scripted steps in the simulator
 * @param maxDuration the demo stops by itself after this long, whatever happened
 */
public record DemoSettings(PredicateTarget predicate, AidenIdTarget aidenId, Duration pace, Duration maxDuration) {

    public static final String PREDICATE_DEFAULT_BASE_URL = "https://api.identity.predicate.io";
    public static final String AIDENID_DEFAULT_BASE_URL = "https://api.aidenid.com";
    public static final Duration DEFAULT_PACE = Duration.ofMillis(1500);
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofSeconds(60);

    /** Both vendors on the embedded simulator. */
    public static DemoSettings simulatorOnly(Duration pace, Duration maxDuration) {
        return new DemoSettings(null, null, pace, maxDuration);
    }

    /**
     * Reads the environment: {@code PREDICATE_API_KEY} and {@code PREDICATE_SESSION_ID} (optional
     * {@code PREDICATE_VERIFICATION_TYPE}, {@code PREDICATE_BASE_URL}); {@code AIDENID_API_KEY}, {@code AIDENID_ORG_ID}
     * and {@code AIDENID_PROJECT_ID} (optional {@code AIDENID_BASE_URL}); {@code DEMO_MAX_SECONDS}.
     *
     * @param notes where to say why a partly configured vendor stays on the simulator
     */
    public static DemoSettings fromEnvironment(Map<String, String> env, PrintStream notes) {
        PredicateTarget predicate = null;
        String predicateKey = value(env, "PREDICATE_API_KEY");
        String sessionId = value(env, "PREDICATE_SESSION_ID");
        if (predicateKey != null && sessionId != null) {
            predicate = new PredicateTarget(orDefault(value(env, "PREDICATE_BASE_URL"), PREDICATE_DEFAULT_BASE_URL),
                    predicateKey,
                    orDefault(value(env, "PREDICATE_VERIFICATION_TYPE"), "individual").toLowerCase(Locale.ROOT),
                    sessionId);
        } else if (predicateKey != null || sessionId != null) {
            notes.println("Predicate: PREDICATE_API_KEY and PREDICATE_SESSION_ID are both needed for the real API;"
                          + " using the simulator.");
        }

        AidenIdTarget aidenId = null;
        String aidenIdKey = value(env, "AIDENID_API_KEY");
        String orgId = value(env, "AIDENID_ORG_ID");
        String projectId = value(env, "AIDENID_PROJECT_ID");
        if (aidenIdKey != null && orgId != null && projectId != null) {
            aidenId = new AidenIdTarget(orDefault(value(env, "AIDENID_BASE_URL"), AIDENID_DEFAULT_BASE_URL),
                    aidenIdKey, orgId, projectId);
        } else if (aidenIdKey != null || orgId != null || projectId != null) {
            notes.println("AidenID: AIDENID_API_KEY, AIDENID_ORG_ID and AIDENID_PROJECT_ID are all needed for the"
                          + " real API; using the simulator.");
        }

        Duration maxDuration = DEFAULT_MAX_DURATION;
        String maxSeconds = value(env, "DEMO_MAX_SECONDS");
        if (maxSeconds != null) {
            try {
                maxDuration = Duration.ofSeconds(Math.max(1, Long.parseLong(maxSeconds)));
            } catch (NumberFormatException e) {
                notes.println("DEMO_MAX_SECONDS is not a number of seconds; stopping after "
                              + DEFAULT_MAX_DURATION.toSeconds() + " s.");
            }
        }
        return new DemoSettings(predicate, aidenId, DEFAULT_PACE, maxDuration);
    }

    /** Whether any vendor runs on the embedded simulator. */
    public boolean needsSimulator() {
        return predicate == null || aidenId == null;
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** The real Predicate API. {@link #toString()} leaves the key out. */
    public record PredicateTarget(String baseUrl, String apiKey, String verificationType, String sessionId) {
        @Override
        public String toString() {
            return baseUrl + " (" + verificationType + " session " + sessionId + ")";
        }
    }

    /** The real AidenID API. {@link #toString()} leaves the key out. */
    public record AidenIdTarget(String baseUrl, String apiKey, String orgId, String projectId) {
        @Override
        public String toString() {
            return baseUrl + " (org " + orgId + ", project " + projectId + ")";
        }
    }
}
