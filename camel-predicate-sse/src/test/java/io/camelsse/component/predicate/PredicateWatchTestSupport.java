/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.SseSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ExceptionHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A simulator for the class (reset before each test), Camel contexts whose predicate-sse component points at it, a
 * watch route that records every exchange, and an exception handler that records what the consumer reports, with
 * the session it named.
 */
abstract class PredicateWatchTestSupport {

    @RegisterExtension
    static final SseSimulatorExtension SIM
            = new SseSimulatorExtension(b -> b.keepAliveInterval(Duration.ofMillis(100)));

    protected final List<Exchange> received = new CopyOnWriteArrayList<>();
    protected final List<Report> reported = new CopyOnWriteArrayList<>();
    protected CamelContext context;

    record Report(String message, String sessionId, Throwable exception) {
    }

    /** A started context with the watch route (from the given URI) and direct:watch sending to predicate-sse:watch. */
    protected CamelContext startContext(String watchUri, Object... beans) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("recordingHandler", (ExceptionHandler) new ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                reported.add(new Report(null, null, exception));
            }

            @Override
            public void handleException(String message, Throwable exception) {
                reported.add(new Report(message, null, exception));
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                reported.add(new Report(message, exchange == null ? null
                        : exchange.getMessage().getHeader(PredicateSseConstants.SESSION_ID, String.class), exception));
            }
        });
        for (int i = 0; i + 1 < beans.length; i += 2) {
            camel.getRegistry().bind((String) beans[i], beans[i + 1]);
        }
        PredicateSseComponent component = camel.getComponent("predicate-sse", PredicateSseComponent.class);
        component.setApiKey(SseSimulator.PREDICATE_API_KEY);
        component.setBaseUrl(SIM.baseUrl());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(watchUri).routeId("watch").process(received::add);
                // another endpoint of the same watch set: the set belongs to the component
                from("direct:watch").to("predicate-sse:watch");
                // many sessions at once, as fast as a route can add them
                from("direct:many").split(body()).setHeader(PredicateSseConstants.SESSION_ID, body())
                        .to("predicate-sse:watch");
            }
        });
        camel.start();
        context = camel;
        return camel;
    }

    @AfterEach
    void stopContext() {
        if (context != null) {
            context.stop();
        }
    }

    protected static String watchUri(String options) {
        return "predicate-sse:watch?exceptionHandler=#recordingHandler&reconnectDelay=10"
               + (options.isEmpty() ? "" : "&" + options);
    }

    protected void add(String sessionId) {
        template().sendBodyAndHeader("direct:watch", null, PredicateSseConstants.SESSION_ID, sessionId);
    }

    protected void add(String sessionId, String type) {
        template().sendBodyAndHeader("direct:watch", sessionId, PredicateSseConstants.VERIFICATION_TYPE, type);
    }

    protected void remove(String sessionId) {
        template().sendBodyAndHeader("direct:watch", sessionId, PredicateSseConstants.WATCH_ACTION, "remove");
    }

    protected ProducerTemplate template() {
        return context.createProducerTemplate();
    }

    protected WatchSet watchSet() {
        return context.getComponent("predicate-sse", PredicateSseComponent.class).watchSet("default");
    }

    protected List<String> statusesOf(String sessionId) {
        return received.stream()
                .filter(e -> sessionId.equals(e.getMessage().getHeader(PredicateSseConstants.SESSION_ID)))
                .map(e -> e.getMessage().getHeader(PredicateSseConstants.STATUS, String.class)).toList();
    }

    protected PredicateWatchConsumer consumer() {
        return (PredicateWatchConsumer) context.getRoute("watch").getConsumer();
    }
}
