/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;

/**
 * The started consumers of a component that another consumer wraps ({@code master:}). Camel's route knows only the
 * wrapper, so its consumers health check repository and the routes the dev console walks never reach them: their
 * health checks are registered in the context's health check registry here, under their own IDs, and the dev console
 * finds them here.
 */
public final class WrappedConsumersInView {

    private final CamelContext camelContext;
    private final Set<ObservedConsumer> started = ConcurrentHashMap.newKeySet();

    WrappedConsumersInView(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    /** @param check the consumer's health check, or null when it has none */
    public void started(ObservedConsumer consumer, HealthCheck check) {
        started.add(consumer);
        HealthCheckRegistry registry = HealthCheckRegistry.get(camelContext);
        if (check != null && registry != null) {
            registry.register(check);
        }
    }

    /** @param check the consumer's health check, or null when it has none */
    public void stopped(ObservedConsumer consumer, HealthCheck check) {
        started.remove(consumer);
        HealthCheckRegistry registry = HealthCheckRegistry.get(camelContext);
        if (check != null && registry != null) {
            registry.unregister(check);
        }
    }

    public Collection<ObservedConsumer> consumers() {
        return List.copyOf(started);
    }
}
