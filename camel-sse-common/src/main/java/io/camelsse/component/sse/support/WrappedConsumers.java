/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import org.apache.camel.Route;
import org.apache.camel.support.DefaultConsumer;

/**
 * Consumers that another consumer created and wraps. {@code master:} creates the consumer it wraps when it takes the
 * leadership and hands it the route's processor, but tells it neither its route nor the route's ID.
 */
public final class WrappedConsumers {

    private WrappedConsumers() {
    }

    /**
     * Tells a wrapped consumer its route and the route's ID, which name its health check, its meters and its log
     * lines, as Camel does for a route's own input.
     *
     * @return true when the consumer is wrapped: the route starts from another consumer
     */
    public static boolean adoptRoute(DefaultConsumer consumer) {
        Route route = consumer.getRoute();
        if (route == null) {
            route = routeFeedingSameProcessor(consumer);
            if (route == null) {
                // not part of a route, e.g. the polling consumer of a ConsumerTemplate
                return false;
            }
            consumer.setRoute(route);
            if (consumer.getRouteId() == null) {
                consumer.setRouteId(route.getRouteId());
            }
        }
        return route.getConsumer() != consumer;
    }

    private static Route routeFeedingSameProcessor(DefaultConsumer consumer) {
        for (Route route : consumer.getEndpoint().getCamelContext().getRoutes()) {
            if (route.getProcessor() == consumer.getProcessor()) {
                return route;
            }
        }
        return null;
    }
}
