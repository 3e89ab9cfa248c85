/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.javadsl;

import java.util.Properties;

import io.camelsse.simulator.SseSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** A Camel context whose property placeholders point the example routes at the simulator. */
final class ExampleContext {

    private ExampleContext() {
    }

    static CamelContext start(SseSimulator sim, RoutesBuilder... routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty("predicate.base-url", sim.baseUrl());
        properties.setProperty("predicate.api-key", SseSimulator.PREDICATE_API_KEY);
        properties.setProperty("aidenid.base-url", sim.baseUrl());
        properties.setProperty("aidenid.api-key", SseSimulator.AIDENID_API_KEY);
        properties.setProperty("aidenid.org-id", SseSimulator.AIDENID_ORG_ID);
        properties.setProperty("aidenid.project-id", SseSimulator.AIDENID_PROJECT_ID);
        context.getPropertiesComponent().setInitialProperties(properties);
        for (RoutesBuilder builder : routes) {
            context.addRoutes(builder);
        }
        context.start();
        return context;
    }
}
