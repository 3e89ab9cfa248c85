/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

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
    // guarded by this
    private final Deque<CompletableFuture<Void>> queue = new ArrayDeque<>();
    private long interval;
    private long lastGrant = Long.MIN_VALUE;
    private boolean ticking;
    private long lastChange;

    /** @param maxConnectsPerSecond 0 for no pacing */
    ConnectPacer(StreamScheduler scheduler, int maxConnectsPerSecond) {
        if (maxConnectsPerSecond < 0) {
            throw new IllegalArgumentException("maxConnectsPerSecond must not be negative");
        }
        this.scheduler = scheduler;
        this.lastChange = now();
        this.baseInterval = maxConnectsPerSecond == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / maxConnectsPerSecond;
        this.interval = baseInterval;
    }

    /**
     * Completes when the next connection may be made; cancelling it gives the place up. Waiting requests are let
     * through one at a time at the pace in force when each one's turn comes, so a 429 slows down those already
     * waiting too.
     */
    CompletableFuture<Void> nextSlot() {
        if (baseInterval == 0) {
            return CompletableFuture.completedFuture(null);
        }
        synchronized (this) {
            long now = now();
            recover(now);
            if (!ticking && (lastGrant == Long.MIN_VALUE || now - lastGrant >= interval)) {
                lastGrant = now;
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> slot = new CompletableFuture<>();
            queue.add(slot);
            if (!ticking) {
                scheduleTick(lastGrant + interval - now);
            }
            return slot;
        }
    }

    // guarded by this
    private void scheduleTick(long delayNanos) {
        try {
            scheduler.schedule(this::tick, Duration.ofNanos(Math.max(0, delayNanos)));
            ticking = true;
        } catch (RejectedExecutionException stopping) {
            ticking = false;
            CompletableFuture<Void> waiting;
            while ((waiting = queue.poll()) != null) {
                waiting.completeExceptionally(stopping);
            }
        }
    }

    private void tick() {
        CompletableFuture<Void> granted = null;
        synchronized (this) {
            ticking = false;
            long now = now();
            recover(now);
            while (granted == null && !queue.isEmpty()) {
                CompletableFuture<Void> next = queue.poll();
                if (!next.isDone()) {
                    granted = next;
                }
            }
            if (granted != null) {
                lastGrant = now;
            }
            if (!queue.isEmpty()) {
                scheduleTick(interval);
            }
        }
        if (granted != null) {
            granted.complete(null);
        }
    }

    /** The server answered 429 Too Many Requests: slow down. */
    synchronized void tooManyRequests() {
        if (baseInterval == 0) {
            return;
        }
        long now = now();
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
        recover(now());
        return (double) TimeUnit.SECONDS.toNanos(1) / interval;
    }

    /** The scheduler's time, in nanoseconds: the streams' time, so that pacing and their reconnects agree. */
    private long now() {
        Instant now = scheduler.clock().instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Connections waiting for their turn. */
    synchronized int waiting() {
        return queue.size();
    }
}
