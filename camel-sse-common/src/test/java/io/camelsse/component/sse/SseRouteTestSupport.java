/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelsse.component.sse.fixture.FixtureServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A Camel context and a fixture server per test, a route that records every exchange, and an exception handler
 * that records what the consumer reports.
 */
abstract class SseRouteTestSupport {

    protected FixtureServer server;
    protected CamelContext context;
    protected final List<Exchange> received = new CopyOnWriteArrayList<>();
    protected final List<Throwable> reported = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServerAndContext() throws Exception {
        server = new FixtureServer();
        context = new DefaultCamelContext();
        context.getRegistry().bind("recordingHandler", new RecordingExceptionHandler(reported));
        context.start();
    }

    @AfterEach
    void stopContextAndServer() throws Exception {
        context.stop();
        server.close();
    }

    /** An sse endpoint URI for the fixture path, with the recording exception handler and the given options. */
    protected String sse(String path, String options) {
        return "sse:" + server.url(path) + "?exceptionHandler=#recordingHandler"
               + (options.isEmpty() ? "" : "&" + options);
    }

    protected void route(String routeId, String fromUri) throws Exception {
        route(routeId, fromUri, exchange -> {
        });
    }

    protected void route(String routeId, String fromUri, Processor step) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(fromUri).routeId(routeId).process(step).process(received::add);
            }
        });
    }

    protected List<String> bodies() {
        return received.stream().map(e -> e.getMessage().getBody(String.class)).toList();
    }
}
