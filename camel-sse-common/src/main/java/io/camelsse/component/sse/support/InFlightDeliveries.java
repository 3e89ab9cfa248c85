/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the events whose exchanges a consumer has handed to its route and not yet finished with, position included.
 * <p>
 * Camel considers a route stopped once no exchange is in flight, which is a moment before the consumer's completion
 * callback has moved the stream position; and an event read just before the stream stopped may still be on its way to
 * the route. A route started again at once would read the old position and deliver the event twice. So a stopping
 * consumer closes the gate, letting no further delivery begin, and waits until every callback has finished.
 * <p>
 * A consumer that {@code master:} wraps is stopped only after the route's processors, so the gate of such a consumer
 * is also closed, and its deliveries waited for, as soon as the context begins to stop (see
 * {@link WrappedConsumerDrain}).
 */
public final class InFlightDeliveries {

    /** How long a stopping consumer waits for the completion callbacks of exchanges its route has finished. */
    public static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(InFlightDeliveries.class);
    private static final ThreadLocal<InFlightDeliveries> ROUTING_ON_THIS_THREAD = new ThreadLocal<>();

    // the sign bit: no delivery may begin
    private static final int CLOSED = Integer.MIN_VALUE;

    // the deliveries in flight, and CLOSED: one atomic per begin and end on the path of every event, no lock; the
    // monitor is only for a stopping consumer to wait on
    private final AtomicInteger state = new AtomicInteger(CLOSED);

    private volatile WrappedConsumerDrain drain;

    /**
     * Lets deliveries begin.
     *
     * @param drain for a consumer that another one wraps (see {@link WrappedConsumers#adoptRoute}), what closes the
     *              gate and waits for the deliveries in flight when the context begins to stop; else null
     */
    public void open(WrappedConsumerDrain drain) {
        this.drain = drain;
        if (drain != null) {
            drain.add(this);
        }
        state.getAndUpdate(s -> s & ~CLOSED);
    }

    /** @return false when the consumer is stopping: the event must not be routed */
    public boolean tryBegin() {
        while (true) {
            int s = state.get();
            if (s < 0) {
                return false;
            }
            if (state.compareAndSet(s, s + 1)) {
                return true;
            }
        }
    }

    public void end() {
        if (state.decrementAndGet() == CLOSED) {
            // the last one while a stop waits: the waiter checks the count under the monitor, so this cannot be missed
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /**
     * Routes the exchange of a delivery that {@linkplain #tryBegin() began}, through the consumer's asynchronous
     * processor. Once the route is done with it, runs {@code onDone} (logging what it throws), then releases the
     * exchange and ends the delivery; and, when the route finished on another thread, runs {@code whenDoneAsync} after
     * all that, so the stream goes on to its next event in any case.
     *
     * @return true when the route finished on the calling thread
     */
    public boolean route(DefaultConsumer consumer, Exchange exchange, Runnable onDone, Runnable whenDoneAsync) {
        AsyncCallback callback = doneSync -> {
            try {
                onDone.run();
            } catch (RuntimeException e) {
                // an exception handler that throws, say: reported here, and the stream goes on to its next event
                LOG.warn("Failure after the route finished an event's exchange; the stream goes on", e);
            } finally {
                consumer.releaseExchange(exchange, false);
                end();
                if (!doneSync) {
                    whenDoneAsync.run();
                }
            }
        };
        try (Routing routing = routingOnThisThread()) {
            return consumer.getAsyncProcessor().process(exchange, callback);
        }
    }

    /** Ends a delivery that began but whose exchange is not routed, releasing the exchange. */
    public void skip(DefaultConsumer consumer, Exchange exchange) {
        consumer.releaseExchange(exchange, false);
        end();
    }

    /** Marks the calling thread as the one routing an event now, until the returned handle is closed. */
    private Routing routingOnThisThread() {
        InFlightDeliveries previous = ROUTING_ON_THIS_THREAD.get();
        ROUTING_ON_THIS_THREAD.set(this);
        return () -> ROUTING_ON_THIS_THREAD.set(previous);
    }

    /**
     * Lets no further delivery begin, and waits until none is in flight, at most the given time. Does not wait when
     * called from within a delivery of this consumer, such as a route that stops itself, since that delivery cannot
     * end while waiting.
     *
     * @return true when none is in flight any more
     */
    public boolean closeAndAwaitNone(Duration maxWait) throws InterruptedException {
        close();
        WrappedConsumerDrain d = drain;
        if (d != null) {
            drain = null;
            d.remove(this);
        }
        return awaitNone(maxWait);
    }

    /** Lets no further delivery begin. */
    void close() {
        state.getAndUpdate(s -> s | CLOSED);
    }

    /**
     * Waits until no delivery is in flight, at most the given time; returns at once when called from within a
     * delivery of this consumer.
     *
     * @return true when none is in flight any more
     */
    boolean awaitNone(Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        synchronized (this) {
            if (ROUTING_ON_THIS_THREAD.get() == this) {
                return inFlight() == 0;
            }
            while (inFlight() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    private int inFlight() {
        return state.get() & ~CLOSED;
    }

    /** Ends the marking of {@link #routingOnThisThread()}. */
    private interface Routing extends AutoCloseable {
        @Override
        void close();
    }
}
