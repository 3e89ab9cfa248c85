/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.metrics;

import io.camelsse.component.sse.support.ObservedConsumer;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds a consumer's meters to the Micrometer {@code MeterRegistry} in the Camel registry, where there is one (as
 * camel-micrometer and camel-micrometer-prometheus set it up). Micrometer is an optional dependency: without it on the
 * classpath this does nothing, and no class that names a Micrometer type is ever loaded.
 */
public final class SseMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(SseMetrics.class);
    private static final boolean MICROMETER_PRESENT = isPresent("io.micrometer.core.instrument.MeterRegistry");

    /** What {@link #bind} returns when there is nothing to bind to. */
    public static final AutoCloseable NONE = () -> {
    };

    private SseMetrics() {
    }

    /**
     * Registers the consumer's meters, if Micrometer is on the classpath and a registry is in the Camel registry.
     *
     * @return closing it removes the meters again; never null
     */
    public static AutoCloseable bind(CamelContext context, ObservedConsumer consumer) {
        if (!MICROMETER_PRESENT || consumer.getRouteId() == null) {
            // no route, no meters: the consumers that pollEnrich starts for one receive each
            return NONE;
        }
        try {
            return SseMeters.bind(context, consumer);
        } catch (RuntimeException | LinkageError unusable) {
            // metrics are no reason to fail a route: say why there are none
            LOG.warn("Route '{}': no SSE metrics: {}", consumer.getRouteId(), unusable.toString());
            return NONE;
        }
    }

    /** Removes the meters; a failure is logged, never thrown, since the consumer is stopping. */
    public static void unbind(AutoCloseable meters) {
        if (meters == null) {
            return;
        }
        try {
            meters.close();
        } catch (Exception e) {
            LOG.debug("Could not remove SSE meters", e);
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, SseMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
