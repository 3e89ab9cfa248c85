/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timers of every stream of a component: reconnect delays, and one periodic sweep for all read timeouts.
 * <p>
 * A read timeout per stream would keep one task queued per open connection, so the queue would grow with the number of
 * streams, and a bounded queue would then refuse work. Here a stream only records when it last heard from its server,
 * and a single sweep looks at all of them every {@link #SWEEP_INTERVAL}: the queue holds one sweep plus the pending
 * reconnects, however many streams are open.
 * <p>
 * The executor must not bound its queue: a delay that is refused would leave a stream without a future.
 * <p>
 * Its {@link #clock()} is the one time source of every stream of the component.
 */
public final class StreamScheduler {

    /** How often the read timeouts are checked: a read timeout fires at most this much late. */
    public static final Duration SWEEP_INTERVAL = Duration.ofMillis(100);

    private static final Logger LOG = LoggerFactory.getLogger(StreamScheduler.class);

    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
    // guarded by this
    private ScheduledFuture<?> sweep;

    /** @param clock what the streams of this scheduler read the time from, such as a {@link MonotonicClock} */
    public StreamScheduler(ScheduledExecutorService executor, Clock clock) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The time of every stream of this scheduler, and of whatever reads their status. */
    public Clock clock() {
        return clock;
    }

    /**
     * Runs the task once after the delay.
     *
     * @throws RejectedExecutionException when the executor refuses it, which happens once it is shut down
     */
    public ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The executor for one-off timers, such as the wait for an error body. */
    ScheduledExecutorService executor() {
        return executor;
    }

    /**
     * Checks the subscriber at every sweep until the returned handle is run.
     *
     * @param  onTimeout runs once, on the sweep's thread, when the subscriber has waited for data longer than the timeout
     * @return           cancels the watch; safe to run more than once
     * @throws RejectedExecutionException when the sweep cannot be scheduled because the executor is shut down
     */
    Runnable watchReadTimeout(EventStreamSubscriber subscriber, Duration timeout, Runnable onTimeout) {
        Watch watch = new Watch(subscriber, timeout.toMillis(), onTimeout);
        watches.add(watch);
        try {
            ensureSweeping();
        } catch (RejectedExecutionException refused) {
            watches.remove(watch);
            throw refused;
        }
        return () -> unwatch(watch);
    }

    private synchronized void ensureSweeping() {
        if (sweep == null) {
            long interval = SWEEP_INTERVAL.toNanos();
            sweep = executor.scheduleWithFixedDelay(this::sweepOnce, interval, interval, TimeUnit.NANOSECONDS);
        }
    }

    private void unwatch(Watch watch) {
        // also when the sweep had removed it already, on its timeout
        watches.remove(watch);
        if (watches.isEmpty()) {
            stopSweepingIfIdle();
        }
    }

    private synchronized void stopSweepingIfIdle() {
        // re-checked under the lock: a stream may have registered since
        if (watches.isEmpty() && sweep != null) {
            sweep.cancel(false);
            sweep = null;
        }
    }

    private void sweepOnce() {
        long now = clock.millis();
        for (Watch watch : watches) {
            try {
                if (watch.isTimedOut(now)) {
                    watches.remove(watch);
                    watch.onTimeout.run();
                }
            } catch (RuntimeException | Error bug) {
                // one broken stream must not end the sweep for all others: a failing periodic task is never rerun
                LOG.error("Unexpected failure while checking a read timeout", bug);
            }
        }
        // the streams whose time ran out may never connect again: no sweep is left running for none
        if (watches.isEmpty()) {
            stopSweepingIfIdle();
        }
    }

    private static final class Watch {
        final EventStreamSubscriber subscriber;
        final long timeoutMillis;
        final Runnable onTimeout;

        Watch(EventStreamSubscriber subscriber, long timeoutMillis, Runnable onTimeout) {
            this.subscriber = subscriber;
            this.timeoutMillis = timeoutMillis;
            this.onTimeout = onTimeout;
        }

        boolean isTimedOut(long now) {
            // time the route spends on an event is not the server's silence
            return subscriber.isAwaitingData() && now - subscriber.lastActivityMillis() >= timeoutMillis;
        }
    }
}
