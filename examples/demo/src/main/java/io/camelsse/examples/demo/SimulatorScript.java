/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.demo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.camelsse.simulator.AidenIdEvents;
import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.ScriptStart;
import io.camelsse.simulator.SessionStatus;
import io.camelsse.simulator.SimulatedWallet;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.Step;
import io.camelsse.simulator.Vendor;

/**
 * What happens on the simulator while the routes listen: one KYC session goes pending, submitted, completed, and a
 * handful of AidenID events are published, one per pace, once the AidenID route is connected.
 */
final class SimulatorScript implements AutoCloseable {

    /** The AidenID event types the demo's route asks for and expects to see, in publishing order. */
    static final List<String> AIDENID_TYPES = List.of(AidenIdEvents.IDENTITY_CREATED, AidenIdEvents.INBOUND_RECEIVED,
            AidenIdEvents.EXTRACTION_COMPLETED, AidenIdEvents.IDENTITY_EXPIRED);
    /** A type the route does not ask for: the component's eventTypes option keeps it out. */
    static final String UNWANTED_TYPE = "project.updated";

    static final String WALLET_ADDRESS = "0x52908400098527886E0F7030069857D2E4169EE7";

    private final SseSimulator simulator;
    private final Duration pace;
    private final PredicateSession session;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-aidenid-publisher");
        t.setDaemon(true);
        return t;
    });
    private volatile ScheduledFuture<?> waitingForStream;
    private volatile int published;
    private volatile int unwantedPublished;

    SimulatorScript(SseSimulator simulator, Duration pace) {
        this.simulator = simulator;
        this.pace = pace;
        // the timeline starts when the route connects, so the route sees every step
        this.session = simulator.predicate().newSession()
                .individual()
                .status(SessionStatus.PENDING)
                .unverifiedWallets(SimulatedWallet.ethereum("wallet-demo-1", WALLET_ADDRESS))
                .script(Step.after(pace.multipliedBy(3), SessionStatus.SUBMITTED),
                        Step.after(pace.multipliedBy(3), SessionStatus.COMPLETED).withUserId("user-demo-42"))
                .scriptStart(ScriptStart.ON_FIRST_CONNECTION)
                .create();
    }

    String kycSessionId() {
        return session.id();
    }

    /** Publishes the AidenID events, one per pace, once the route's stream is open (a new stream gets only new events). */
    void startAidenIdEvents() {
        waitingForStream = timer.scheduleWithFixedDelay(() -> {
            if (simulator.stats().openStreams(Vendor.AIDENID) > 0) {
                waitingForStream.cancel(false);
                scheduleEvents();
            }
        }, 50, 50, TimeUnit.MILLISECONDS);
    }

    private void scheduleEvents() {
        String identity = "ident_demo7x9k2q";
        List<Runnable> events = List.of(
                () -> simulator.aidenId().publishIdentityCreated(identity),
                () -> simulator.aidenId().publishInboundReceived(identity, "noreply@github.com",
                        "Your verification code"),
                () -> simulator.aidenId().publishExtractionCompleted(identity),
                () -> {
                    simulator.aidenId().publish(UNWANTED_TYPE, "{\"project_id\":\"proj_sim\",\"name\":\"demo\"}");
                    unwantedPublished++;
                },
                () -> simulator.aidenId().publishIdentityExpired(identity));
        for (int i = 0; i < events.size(); i++) {
            Runnable event = events.get(i);
            timer.schedule(() -> {
                event.run();
                published++;
            }, pace.toMillis() * (i + 1), TimeUnit.MILLISECONDS);
        }
    }

    int aidenIdEventsPublished() {
        return published;
    }

    int unwantedEventsPublished() {
        return unwantedPublished;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
