/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelsse.component.sse.connection.StreamScheduler;

/**
 * Spaces out new connections: at most {@code maxConnectsPerSecond}, evenly, whatever number of sessions asks at once
 * (a start with thousands of sessions, a reconnect herd after the server went away). A 429 answer doubles the space
 * between connections, up to one second; each second without one shrinks it by a quarter again.
 */
final class ConnectPacer {

    private static final long SLOWEST_INTERVAL = TimeUnit.SECONDS.toNanos(1);
    private static final long RECOVERY_PERIOD = TimeUnit.SECONDS.toNanos(1);

    private final StreamScheduler scheduler;
    private final long baseInterval;
    private final AtomicInteger waiting = new AtomicInteger();
    // guarded by this
    private long interval;
    private long nextSlot = Long.MIN_VALUE;
    private long lastChange = System.nanoTime();

    /** @param maxConnectsPerSecond 0 for no pacing */
    ConnectPacer(StreamScheduler scheduler, int maxConnectsPerSecond) {
        if (maxConnectsPerSecond < 0) {
            throw new IllegalArgumentException("maxConnectsPerSecond must not be negative");
        }
        this.scheduler = scheduler;
        this.baseInterval = maxConnectsPerSecond == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / maxConnectsPerSecond;
        this.interval = baseInterval;
    }

    /** Completes when the next connection may be made; cancelling it gives the slot up. */
    CompletableFuture<Void> nextSlot() {
        if (baseInterval == 0) {
            return CompletableFuture.completedFuture(null);
        }
        long delay;
        synchronized (this) {
            long now = System.nanoTime();
            recover(now);
            long slot = nextSlot == Long.MIN_VALUE ? now : Math.max(now, nextSlot);
            nextSlot = slot + interval;
            delay = slot - now;
        }
        if (delay <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> slot = new CompletableFuture<>();
        waiting.incrementAndGet();
        slot.whenComplete((v, e) -> waiting.decrementAndGet());
        try {
            ScheduledFuture<?> timer = scheduler.schedule(() -> slot.complete(null), Duration.ofNanos(delay));
            slot.whenComplete((v, e) -> timer.cancel(false));
        } catch (RejectedExecutionException stopping) {
            slot.completeExceptionally(stopping);
        }
        return slot;
    }

    /** The server answered 429 Too Many Requests: slow down. */
    synchronized void tooManyRequests() {
        if (baseInterval == 0) {
            return;
        }
        long now = System.nanoTime();
        // a burst of answers to connections made at once counts once
        if (now - lastChange >= interval) {
            interval = Math.min(SLOWEST_INTERVAL, Math.max(interval * 2, baseInterval));
        }
        lastChange = now;
    }

    private void recover(long now) {
        while (interval > baseInterval && now - lastChange >= RECOVERY_PERIOD) {
            interval = Math.max(baseInterval, interval * 3 / 4);
            lastChange += RECOVERY_PERIOD;
        }
    }

    /** Connections allowed per second now; 0 when unpaced. */
    synchronized double currentRate() {
        if (baseInterval == 0) {
            return 0;
        }
        recover(System.nanoTime());
        return (double) TimeUnit.SECONDS.toNanos(1) / interval;
    }

    /** Connections waiting for their slot. */
    int waiting() {
        return waiting.get();
    }
}
