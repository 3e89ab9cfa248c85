/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.time.Duration;

/**
 * Counts the events whose exchanges a consumer has handed to its route and not yet finished with, position included.
 * <p>
 * Camel considers a route stopped once no exchange is in flight, which is a moment before the consumer's completion
 * callback has moved the stream position; and an event read just before the stream stopped may still be on its way to
 * the route. A route started again at once would read the old position and deliver the event twice. So a stopping
 * consumer closes the gate, letting no further delivery begin, and waits until every callback has finished.
 */
public final class InFlightDeliveries {

    private static final ThreadLocal<InFlightDeliveries> ROUTING_ON_THIS_THREAD = new ThreadLocal<>();

    private int count;
    private boolean closed = true;

    /** Lets deliveries begin. */
    public synchronized void open() {
        closed = false;
    }

    /** @return false when the consumer is stopping: the event must not be routed */
    public synchronized boolean tryBegin() {
        if (closed) {
            return false;
        }
        count++;
        return true;
    }

    public synchronized void end() {
        if (--count == 0) {
            notifyAll();
        }
    }

    /** Marks the calling thread as the one routing an event now, until the returned handle is closed. */
    public Routing routingOnThisThread() {
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
        long deadline = System.nanoTime() + maxWait.toNanos();
        synchronized (this) {
            closed = true;
            if (ROUTING_ON_THIS_THREAD.get() == this) {
                return count == 0;
            }
            while (count > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** Ends the marking of {@link #routingOnThisThread()}. */
    public interface Routing extends AutoCloseable {
        @Override
        void close();
    }
}
