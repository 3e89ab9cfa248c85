/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.clustering;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelsse.simulator.SseSimulator;

/** Keeps the simulator publishing at a steady pace while nodes come and go; bounded in count. */
final class Publisher implements AutoCloseable {

    private final SseSimulator simulator;
    private final int maxEvents;
    private final AtomicInteger published = new AtomicInteger();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    Publisher(SseSimulator simulator, int maxEvents) {
        this.simulator = simulator;
        this.maxEvents = maxEvents;
    }

    Publisher start(long periodMillis) {
        timer.scheduleAtFixedRate(this::publishOne, 0, periodMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    private void publishOne() {
        if (published.get() < maxEvents) {
            simulator.aidenId().publishIdentityCreated("ident_a1b2c3d4e5");
            published.incrementAndGet();
        }
    }

    int published() {
        return published.get();
    }

    /** Stops publishing; returns once no event is being published. */
    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(10, TimeUnit.SECONDS);
    }
}
