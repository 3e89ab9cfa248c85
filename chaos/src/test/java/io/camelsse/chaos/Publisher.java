/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.chaos;

import io.camelsse.simulator.SseSimulator;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes AidenID events on the simulator at a steady rate from its own thread, until stopped or until its
 * count or time is used up, so every run is bounded.
 */
final class Publisher implements AutoCloseable {

    private static final String[] TYPES = {"identity.created", "inbound.received", "extraction.completed", "identity.expired"};

    private final SseSimulator sim;
    private final long intervalNanos;
    private final int maxEvents;
    private final long deadlineNanos;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile int published;

    private Publisher(SseSimulator sim, int eventsPerSecond, int maxEvents, Duration maxTime) {
        this.sim = sim;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / eventsPerSecond;
        this.maxEvents = maxEvents;
        this.deadlineNanos = System.nanoTime() + maxTime.toNanos();
        this.thread = new Thread(this::run, "chaos-publisher");
        this.thread.setDaemon(true);
    }

    static Publisher start(SseSimulator sim, int eventsPerSecond, int maxEvents, Duration maxTime) {
        Publisher p = new Publisher(sim, eventsPerSecond, maxEvents, maxTime);
        p.thread.start();
        return p;
    }

    /** Publishes one event now, from the caller's thread; returns its ID. */
    static String publishOne(SseSimulator sim, int n) {
        String identity = "ident_" + String.format("%010d", n % 10_000_000_000L);
        switch (TYPES[n % TYPES.length]) {
            case "identity.created":
                return sim.aidenId().publishIdentityCreated(identity);
            case "inbound.received":
                return sim.aidenId().publishInboundReceived(identity);
            case "extraction.completed":
                return sim.aidenId().publishExtractionCompleted(identity);
            default:
                return sim.aidenId().publishIdentityExpired(identity);
        }
    }

    private void run() {
        long next = System.nanoTime();
        while (!stopped && published < maxEvents && System.nanoTime() < deadlineNanos) {
            publishOne(sim, published);
            published++;
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                // pacing the load, not waiting for anything
                LockSupport.parkNanos(wait);
            }
        }
    }

    int published() {
        return published;
    }

    boolean isRunning() {
        return thread.isAlive();
    }

    /** Waits until every event is published (bounded by {@code atMost}). */
    void awaitDone(Duration atMost) {
        try {
            thread.join(atMost.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        }
        if (thread.isAlive()) {
            throw new AssertionError("the publisher did not finish within " + atMost + " (" + published + " published)");
        }
    }

    /** Stops publishing and returns once the thread is done. */
    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
