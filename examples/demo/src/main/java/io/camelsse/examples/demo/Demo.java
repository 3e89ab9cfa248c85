/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.camelsse.simulator.SseSimulator;
import org.apache.camel.main.Main;

/**
 * Runs the demo once: starts the simulator where no real API is configured, scripts what happens on it, runs the
 * YAML routes under Camel Main until the story is over (or the time is up), and tells what the routes saw.
 */
public final class Demo {

    private final DemoSettings settings;
    private final PrintStream out;

    public Demo(DemoSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Runs the demo; the result's exit code is 0 when the expected flow happened. */
    public DemoResult run() throws Exception {
        long started = System.nanoTime();
        SseSimulator simulator = null;
        SimulatorScript script = null;
        Main main = null;
        DemoTracker tracker = new DemoTracker(settings.aidenId() == null
                ? new HashSet<>(SimulatorScript.AIDENID_TYPES) : Set.of());
        boolean ended;
        try {
            if (settings.needsSimulator()) {
                simulator = SseSimulator.builder().keepAliveInterval(Duration.ofSeconds(5)).build().start();
                script = new SimulatorScript(simulator, settings.pace());
            }
            main = new Main();
            main.bind("demoTracker", tracker);
            main.bind("walletApproval", new WalletApproval(tracker));
            configure(simulator, script).forEach(main::addOverrideProperty);
            describe(simulator, script);

            main.start();
            if (script != null && settings.aidenId() == null) {
                script.startAidenIdEvents();
            }
            ended = tracker.awaitEnd(settings.maxDuration());
        } finally {
            if (main != null) {
                main.stop();
            }
            if (script != null) {
                script.close();
            }
            if (simulator != null) {
                simulator.close();
            }
        }
        DemoResult result = DemoResult.of(settings, tracker, script, ended,
                Duration.ofNanos(System.nanoTime() - started));
        out.println();
        result.summary().forEach(out::println);
        return result;
    }

    /** The property placeholders of the YAML routes and the components' credentials. */
    private Map<String, String> configure(SseSimulator simulator, SimulatorScript script) {
        Map<String, String> properties = new LinkedHashMap<>();
        DemoSettings.PredicateTarget predicate = settings.predicate();
        if (predicate != null) {
            properties.put("demo.predicate.base-url", predicate.baseUrl());
            properties.put("demo.predicate.type", predicate.verificationType());
            properties.put("demo.predicate.session-id", predicate.sessionId());
            properties.put("camel.component.predicate-sse.api-key", predicate.apiKey());
        } else {
            properties.put("demo.predicate.base-url", simulator.baseUrl());
            properties.put("demo.predicate.type", "individual");
            properties.put("demo.predicate.session-id", script.kycSessionId());
            properties.put("camel.component.predicate-sse.api-key", SseSimulator.PREDICATE_API_KEY);
        }
        DemoSettings.AidenIdTarget aidenId = settings.aidenId();
        if (aidenId != null) {
            properties.put("demo.aidenid.base-url", aidenId.baseUrl());
            properties.put("camel.component.aidenid-sse.api-key", aidenId.apiKey());
            properties.put("camel.component.aidenid-sse.org-id", aidenId.orgId());
            properties.put("camel.component.aidenid-sse.project-id", aidenId.projectId());
        } else {
            properties.put("demo.aidenid.base-url", simulator.baseUrl());
            properties.put("camel.component.aidenid-sse.api-key", SseSimulator.AIDENID_API_KEY);
            properties.put("camel.component.aidenid-sse.org-id", SseSimulator.AIDENID_ORG_ID);
            properties.put("camel.component.aidenid-sse.project-id", SseSimulator.AIDENID_PROJECT_ID);
        }
        return properties;
    }

    private void describe(SseSimulator simulator, SimulatorScript script) {
        out.println("Camel SSE Connectors demo: YAML routes under Camel Main, reading two SSE streams.");
        if (simulator != null) {
            out.println("  Simulator: " + simulator.baseUrl() + " (embedded sandbox of both APIs; no credentials"
                        + " needed)");
        }
        if (settings.predicate() == null) {
            out.println("  Predicate: simulator; KYC session " + script.kycSessionId()
                        + " will go pending -> submitted -> completed");
        } else {
            out.println("  Predicate: real API " + settings.predicate());
        }
        if (settings.aidenId() == null) {
            out.println("  AidenID:   simulator; it will publish " + String.join(", ", publishOrder())
                        + " (the route asks for the four identity/inbound/extraction types only)");
        } else {
            out.println("  AidenID:   real API " + settings.aidenId());
        }
        out.println("  The demo stops by itself when the story is over, or after "
                    + settings.maxDuration().toSeconds() + " s.");
        out.println();
    }

    private static List<String> publishOrder() {
        List<String> order = new ArrayList<>(SimulatorScript.AIDENID_TYPES);
        order.add(3, SimulatorScript.UNWANTED_TYPE);
        return order;
    }

    /** Everything the summary says, and the exit code. */
    public record DemoResult(int exitCode, List<String> summary) {

        static DemoResult of(DemoSettings settings, DemoTracker tracker, SimulatorScript script, boolean ended,
                             Duration took) {
            List<String> lines = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            lines.add("Summary (" + took.toSeconds() + " s)");

            List<String> statuses = tracker.kycStatuses();
            String finalStatus = tracker.finalKycStatus();
            lines.add("  kyc-status      " + statuses.size() + " status event(s): "
                      + (statuses.isEmpty() ? "none" : String.join(" -> ", statuses))
                      + "; final status: " + (finalStatus == null ? "none yet" : finalStatus
                                              + (tracker.kycVerified() ? " (verified)" : " (not verified)")));
            List<String> wallets = tracker.approvedWallets();
            lines.add("  approve-wallet  " + (wallets.isEmpty() ? "no wallet approved"
                    : wallets.size() + " wallet(s) approved: " + String.join(", ", wallets)));
            Map<String, Integer> types = tracker.aidenIdTypes();
            lines.add("  aidenid-events  " + types.values().stream().mapToInt(Integer::intValue).sum()
                      + " event(s): " + (types.isEmpty() ? "none" : types.entrySet().stream()
                            .map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "))));
            if (script != null && settings.aidenId() == null) {
                lines.add("                  the simulator published " + script.aidenIdEventsPublished()
                          + " event(s); " + script.unwantedEventsPublished() + " of type "
                          + SimulatorScript.UNWANTED_TYPE + " was kept out by eventTypes");
            }
            lines.add("  fill-otp        " + tracker.otpsFilled().size() + " one-time code(s) filled in");
            if (!tracker.errors().isEmpty()) {
                lines.add("  errors          " + String.join("; ", tracker.errors()));
            }

            if (tracker.fatalError() != null) {
                problems.add("a stream failed: " + tracker.fatalError());
            }
            if (settings.predicate() == null) {
                if (!"completed".equals(finalStatus)) {
                    problems.add("the simulated KYC session did not reach completed");
                } else if (wallets.isEmpty()) {
                    problems.add("the verified session's wallet was not approved");
                }
            }
            if (settings.aidenId() == null) {
                if (!types.keySet().containsAll(SimulatorScript.AIDENID_TYPES)) {
                    problems.add("not every AidenID event type reached the route");
                }
                if (types.containsKey(SimulatorScript.UNWANTED_TYPE)) {
                    problems.add("an event of a type the route did not ask for reached it");
                }
            }
            if (problems.isEmpty()) {
                lines.add(ended ? "Result: OK, the KYC session and the AidenID events went through the routes."
                        : "Result: OK, listened for " + settings.maxDuration().toSeconds() + " s.");
                return new DemoResult(0, List.copyOf(lines));
            }
            lines.add("Result: FAILED, " + String.join("; ", problems) + ". See docs/troubleshooting.md.");
            return new DemoResult(1, List.copyOf(lines));
        }
    }
}
