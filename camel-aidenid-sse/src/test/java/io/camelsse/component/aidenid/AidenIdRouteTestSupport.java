/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelsse.component.sse.RecordingExceptionHandler;
import io.camelsse.component.sse.connection.StreamState;
import io.camelsse.component.sse.connection.StreamStatus;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.SseSimulatorExtension;
import io.camelsse.simulator.Vendor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;

/**
 * One simulator for the class (reset before each test), a Camel context per test, a route that records every exchange
 * it completes, and an exception handler that records what the consumer reports.
 */
abstract class AidenIdRouteTestSupport {

    /** A short server retry: keeps reconnects quick while still coming from the stream, as in production. */
    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension(b -> b.aidenIdRetry(Duration.ofMillis(20)));

    protected CamelContext context;
    protected final List<Exchange> received = new CopyOnWriteArrayList<>();
    protected final List<Throwable> reported = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startContext() throws Exception {
        context = newContext();
        context.start();
    }

    /** A context, not started, whose registry has the recording exception handler. */
    protected CamelContext newContext() {
        CamelContext created = new DefaultCamelContext();
        bindRecordingHandler(created);
        return created;
    }

    /** Binds the exception handler that records what the consumer reports as {@code #recordingHandler}. */
    protected void bindRecordingHandler(CamelContext target) {
        target.getRegistry().bind("recordingHandler", new RecordingExceptionHandler(reported));
    }

    @AfterEach
    void stopContext() throws Exception {
        context.stop();
    }

    /** The simulator's stream with its valid credentials, quick reconnects, the recording handler and more options. */
    protected static String aidenId(String options) {
        return "aidenid-sse:stream?baseUrl=" + SIM.baseUrl() + "&apiKey=" + SseSimulator.AIDENID_API_KEY
               + "&orgId=" + SseSimulator.AIDENID_ORG_ID + "&projectId=" + SseSimulator.AIDENID_PROJECT_ID
               + "&reconnectDelay=20&maxReconnectDelay=200&exceptionHandler=#recordingHandler"
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

    protected AidenIdSseConsumer consumer(String routeId) {
        return (AidenIdSseConsumer) context.getRoute(routeId).getConsumer();
    }

    /** Waits until the route's stream is connected and the simulator has it open, so published events reach it. */
    protected void awaitConnected(String routeId) {
        await().until(() -> {
            StreamStatus status = consumer(routeId).streamStatus();
            return status != null && status.state() == StreamState.CONNECTED;
        });
        await().until(() -> SIM.stats().openStreams(Vendor.AIDENID) >= 1);
    }

    protected List<String> receivedIds() {
        return received.stream().map(e -> e.getMessage().getHeader(AidenIdSseConstants.EVENT_ID, String.class))
                .toList();
    }

    protected static List<String> publishedIds() {
        return SIM.aidenId().events().stream().map(io.camelsse.simulator.SimulatedAidenIdEvent::id).toList();
    }
}
