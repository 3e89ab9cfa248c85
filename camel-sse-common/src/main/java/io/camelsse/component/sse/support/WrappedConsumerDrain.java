/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.support.LifecycleStrategySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the exchanges of wrapped consumers finish before Camel stops any route of a stopping context.
 * <p>
 * {@code master:} stops its route's processors first, then gives up the leadership, and only then stops the consumer
 * it wraps. An exchange still in the route when the processors stop ends rejected even when they have done their work,
 * so its event stays before the stream position, and the next leader processes it again. Stopping deliveries when the
 * context begins to stop, and waiting for those in flight, keeps a graceful stop free of such duplicates.
 */
public final class WrappedConsumerDrain extends LifecycleStrategySupport {

    private static final Logger LOG = LoggerFactory.getLogger(WrappedConsumerDrain.class);

    private final Set<InFlightDeliveries> deliveries = ConcurrentHashMap.newKeySet();
    private final Duration maxWait;

    WrappedConsumerDrain(Duration maxWait) {
        this.maxWait = maxWait;
    }

    /** Drains these deliveries when the context begins to stop. */
    void add(InFlightDeliveries wrappedConsumerDeliveries) {
        deliveries.add(wrappedConsumerDeliveries);
    }

    void remove(InFlightDeliveries wrappedConsumerDeliveries) {
        deliveries.remove(wrappedConsumerDeliveries);
    }

    @Override
    public void onContextStopping(CamelContext context) {
        // every gate first, so that no stream goes on delivering while the wait for another one's exchange lasts
        for (InFlightDeliveries d : deliveries) {
            d.close();
        }
        // one wait for all of them, however many are stuck
        long deadline = System.nanoTime() + maxWait.toNanos();
        for (InFlightDeliveries d : deliveries) {
            try {
                if (!d.awaitNone(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                    LOG.warn("An event was still in its route {} s after the context began to stop; the next leader"
                             + " may process it again", maxWait.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
