/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelsse.component.sse.RecordingExceptionHandler;
import io.camelsse.component.sse.support.SseConsumerSupport;
import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.SseSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One simulator for the class (reset before each test), a Camel context per test whose predicate-sse component points
 * at the simulator with its test key, a route that records every exchange, and an exception handler that records what
 * the consumer reports.
 */
abstract class PredicateTestSupport {

    @RegisterExtension
    static final SseSimulatorExtension SIM
            = new SseSimulatorExtension(b -> b.keepAliveInterval(Duration.ofMillis(100)));

    protected CamelContext context;
    protected final List<Exchange> received = new CopyOnWriteArrayList<>();
    protected final List<Throwable> reported = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startContext() throws Exception {
        context = new DefaultCamelContext();
        context.getRegistry().bind("recordingHandler", new RecordingExceptionHandler(reported));
        PredicateSseComponent component = context.getComponent("predicate-sse", PredicateSseComponent.class);
        component.setApiKey(SseSimulator.PREDICATE_API_KEY);
        component.setBaseUrl(SIM.baseUrl());
        context.start();
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    /** The session's endpoint URI with the recording exception handler, a quick reconnect and the given options. */
    protected static String uri(PredicateSession session, String options) {
        return "predicate-sse:" + session.type().pathSegment() + "/" + session.id()
               + "?exceptionHandler=#recordingHandler&reconnectDelay=10" + (options.isEmpty() ? "" : "&" + options);
    }

    protected void route(String routeId, String fromUri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fromUri).routeId(routeId).process(received::add);
            }
        });
    }

    protected List<String> statuses() {
        return received.stream().map(e -> e.getMessage().getHeader(PredicateSseConstants.STATUS, String.class))
                .toList();
    }

    protected PredicateStatusEvent event(int index) {
        return received.get(index).getMessage().getBody(PredicateStatusEvent.class);
    }

    protected Object header(int index, String name) {
        return received.get(index).getMessage().getHeader(name);
    }

    protected SseConsumerSupport consumer(String routeId) {
        return (SseConsumerSupport) context.getRoute(routeId).getConsumer();
    }
}
