/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelsse.component.sse.LogCapture;
import io.camelsse.component.sse.support.SseConsumerSupport;
import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.SseSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs that end in 401, with every log line captured at TRACE for io.camelsse and org.apache.camel: the key must not
 * show up in the log, in exception messages and stack traces, in health check results, in toString() output or in
 * the route dump.
 */
class PredicateSseSecretsTest {

    /** Wrong for the simulator, so every request is answered 401. */
    private static final String KEY = "pk_live_Q9zX7sCanary4242";

    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension();

    @Test
    void withTheKeyOnTheComponentItAppearsNowhere() throws Exception {
        PredicateSession first = SIM.predicate().createSession();
        PredicateSession second = SIM.predicate().createSession();
        PredicateSession polled = SIM.predicate().createSession();
        List<String> seen = new ArrayList<>();

        try (LogCapture capture = new LogCapture("io.camelsse", "org.apache.camel")) {
            CamelContext context = new DefaultCamelContext();
            context.setDumpRoutes("yaml");
            context.getComponent("predicate-sse", PredicateSseComponent.class).setApiKey(KEY);
            context.getComponent("predicate-sse", PredicateSseComponent.class).setBaseUrl(SIM.baseUrl());
            run(context, "predicate-sse:individual/" + first.id() + "?bridgeErrorHandler=true",
                    "predicate-sse:individual/" + second.id() + "?reconnectDelay=10",
                    "predicate-sse:individual/${header.sessionId}?terminalOnly=true", polled, seen);
            seen.addAll(capture.lines());

            assertThat(capture.lines()).as("the route dump was logged").anyMatch(l -> l.contains("- route:"));
            assertCaptured(capture.lines());
        }

        assertThat(seen).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(KEY));
    }

    /**
     * With the key in endpoint URIs, Camel's own TRACE lines and its route dump print those URIs as written (which is
     * why the docs recommend the component or a placeholder on the component). Everything else still masks it.
     */
    @Test
    void withTheKeyInTheUriOnlyCamelsOwnTraceLinesShowIt() throws Exception {
        PredicateSession first = SIM.predicate().createSession();
        PredicateSession second = SIM.predicate().createSession();
        PredicateSession polled = SIM.predicate().createSession();
        List<String> seen = new ArrayList<>();

        try (LogCapture capture = new LogCapture("io.camelsse", "org.apache.camel")) {
            CamelContext context = new DefaultCamelContext();
            context.getComponent("predicate-sse", PredicateSseComponent.class).setBaseUrl(SIM.baseUrl());
            run(context, "predicate-sse:individual/" + first.id() + "?bridgeErrorHandler=true&apiKey=" + KEY,
                    "predicate-sse:individual/" + second.id() + "?reconnectDelay=10&apiKey=" + KEY,
                    "predicate-sse:individual/${header.sessionId}?terminalOnly=true&apiKey=" + KEY, polled, seen);
            assertCaptured(capture.lines());
            for (String line : capture.lines()) {
                if (!line.startsWith("TRACE org.apache.camel.")) {
                    seen.add(line);
                }
            }
        }

        assertThat(seen).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(KEY));
    }

    /** Starts the three routes, waits for their 401s and collects every text that describes them. */
    private static void run(CamelContext context, String bridgedUri, String loggedUri, String pollUri,
                            PredicateSession polled, List<String> seen)
            throws Exception {
        List<Exchange> bridged = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(HttpOperationFailedException.class).handled(true).process(bridged::add);
                // the failure bridged into the route's error handler
                from(bridgedUri).routeId("bridged").to("log:never");
                // the failure logged by the default exception handler
                from(loggedUri).routeId("logged").to("log:never");
                from("direct:poll").routeId("poll").pollEnrich(pollUri, 5000);
            }
        });
        context.start();
        try {
            await().until(() -> bridged.size() == 1 && SIM.requests().size() == 2);
            // the poll's failure reaches the same onException
            context.createProducerTemplate().request("direct:poll",
                    e -> e.getMessage().setHeader("sessionId", polled.id()));
            assertThat(SIM.requests()).hasSize(3).allSatisfy(r -> {
                assertThat(r.header("Authorization")).as("the key was sent").isEqualTo("Bearer " + KEY);
                assertThat(r.status()).isEqualTo(401);
            });

            assertThat(bridged).hasSize(2);
            for (Exchange failed : bridged) {
                Exception caught = failed.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                assertThat(caught).hasStackTraceContaining("Predicate answered 401 unauthorized");
                seen.add(stackTrace(caught));
            }
            for (String routeId : List.of("bridged", "logged")) {
                SseConsumerSupport consumer = (SseConsumerSupport) context.getRoute(routeId).getConsumer();
                seen.add(consumer.toString());
                seen.add(context.getRoute(routeId).getEndpoint().toString());
                seen.add(String.valueOf(context.getRoute(routeId)));
                HealthCheck.Result health = consumer.getHealthCheck().call();
                assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
                seen.add(describe(health));
            }
            HealthCheckHelper.invoke(context).forEach(result -> seen.add(describe(result)));
            seen.add(String.valueOf(context.getEndpoints()));
        } finally {
            context.stop();
        }
    }

    private static void assertCaptured(List<String> lines) {
        assertThat(lines).as("debug lines of the stream were captured")
                .anyMatch(l -> l.startsWith("DEBUG io.camelsse.component.sse.connection.SseStream"));
        assertThat(lines).as("trace lines of Camel were captured").anyMatch(l -> l.startsWith("TRACE org.apache.camel"));
        assertThat(lines).as("the failure itself was logged")
                .anyMatch(l -> l.startsWith("WARN io.camelsse") && l.contains("401 unauthorized"));
    }

    private static String describe(HealthCheck.Result result) {
        return result.getCheck().getId() + " " + result.getState() + " " + result.getMessage().orElse("") + " "
               + result.getDetails() + " " + result.getError().map(PredicateSseSecretsTest::stackTrace).orElse("");
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
