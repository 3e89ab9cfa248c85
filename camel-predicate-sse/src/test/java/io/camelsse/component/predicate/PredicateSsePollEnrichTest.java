/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.camelsse.simulator.Fault;
import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.ScriptStart;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The use case of a backend that has just registered a user: wait for the outcome with pollEnrich, or give each
 * session a route of its own.
 */
class PredicateSsePollEnrichTest extends PredicateTestSupport {

    private ProducerTemplate template;

    @BeforeEach
    void routes() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:outcome")
                        .pollEnrich("predicate-sse:individual/${header.sessionId}?terminalOnly=true", 10_000);
                from("direct:outcomeSoon")
                        .pollEnrich("predicate-sse:individual/${header.sessionId}?terminalOnly=true", 300);
                from("direct:firstEvent")
                        .pollEnrich("predicate-sse:individual/${header.sessionId}", 10_000);
                // the URI computed per exchange: one endpoint per session
                from("direct:outcomeBySimple")
                        .pollEnrich().simple("predicate-sse:individual/${header.sessionId}?terminalOnly=true")
                        .timeout(10_000);
            }
        });
        template = context.createProducerTemplate();
    }

    @Test
    void pollEnrichWaitsForTheOutcomeAndHoldsNoConnectionAfterwards() {
        PredicateSession session = SIM.predicate().newSession().happyPath(Duration.ofMillis(200)).create();

        Exchange result = template.request("direct:outcome",
                e -> e.getMessage().setHeader("sessionId", session.id()));

        assertThat(result.getException()).isNull();
        PredicateStatusEvent outcome = result.getMessage().getBody(PredicateStatusEvent.class);
        assertThat(outcome.getStatus()).isEqualTo("completed");
        assertThat(outcome.isVerified()).isTrue();
        assertThat(result.getMessage().getHeader(PredicateSseConstants.VERIFIED)).isEqualTo(true);
        assertThat(result.getMessage().getHeader(PredicateSseConstants.TERMINAL)).isEqualTo(true);
        assertThat(SIM.requests()).hasSize(1);
        awaitNoOpenStream(session);
    }

    @Test
    void pollEnrichWithAUriComputedBySimpleWorksToo() {
        PredicateSession session = SIM.predicate().newSession().happyPath(Duration.ofMillis(100)).create();

        Exchange result = template.request("direct:outcomeBySimple",
                e -> e.getMessage().setHeader("sessionId", session.id()));

        assertThat(result.getMessage().getBody(PredicateStatusEvent.class).getStatus()).isEqualTo("completed");
        awaitNoOpenStream(session);
    }

    @Test
    void aSessionIdHeaderThatIsNotAUuidFailsThePollWithoutARequest() {
        Exchange result = template.request("direct:outcome",
                e -> e.getMessage().setHeader("sessionId", "../../admin"));

        assertThat(result.getException()).hasStackTraceContaining("must be the UUID from the registration response");
        assertThat(SIM.requests()).isEmpty();
    }

    @Test
    void aSessionIdExpressionIsRefusedInARouteConsumer() {
        assertThatThrownBy(() -> route("r", "predicate-sse:individual/${header.sessionId}"))
                .hasStackTraceContaining("an expression as session ID works in pollEnrich only");
        assertThat(SIM.requests()).isEmpty();
    }

    @Test
    void pollEnrichThatTimesOutReturnsNoBodyAndClosesTheStream() {
        PredicateSession session = SIM.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();

        Exchange result = template.request("direct:outcomeSoon", e -> {
            e.getMessage().setHeader("sessionId", session.id());
            e.getMessage().setBody("registered");
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody()).isNull();
        assertThat(SIM.stats().connections()).isEqualTo(1);
        awaitNoOpenStream(session);

        // the next poll opens a stream of its own and finds the outcome that arrived in the meantime
        session.complete();
        result = template.request("direct:outcomeSoon", e -> e.getMessage().setHeader("sessionId", session.id()));
        assertThat(result.getMessage().getBody(PredicateStatusEvent.class).getStatus()).isEqualTo("completed");
        assertThat(SIM.stats().connections()).isEqualTo(2);
        awaitNoOpenStream(session);
    }

    @Test
    void aServerThatEndsTheStreamWith204EndsThePollAtOnceWithNoBody() {
        SIM.faults().nextStream(Fault.status(204));
        PredicateSession session = SIM.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();

        long started = System.nanoTime();
        Exchange result = template.request("direct:outcome", e -> {
            e.getMessage().setHeader("sessionId", session.id());
            e.getMessage().setBody("registered");
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody()).isNull();
        // the poll's timeout is 10 s: returning well before it shows the 204 ended the wait
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(SIM.requests()).hasSize(1);
    }

    @Test
    void withoutTerminalOnlyPollEnrichReturnsTheCurrentState() {
        PredicateSession session = SIM.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();

        Exchange result = template.request("direct:firstEvent",
                e -> e.getMessage().setHeader("sessionId", session.id()));

        assertThat(result.getMessage().getBody(PredicateStatusEvent.class).getStatus()).isEqualTo("pending");
        awaitNoOpenStream(session);
    }

    @Test
    void unauthorizedFailsThePollAtOnceWithOneRequest() {
        context.getComponent("predicate-sse", PredicateSseComponent.class).setApiKey("wrong_key");
        PredicateSession session = SIM.predicate().createSession();

        Exchange result = template.request("direct:outcome",
                e -> e.getMessage().setHeader("sessionId", session.id()));

        assertThat(result.getException()).isNotNull();
        HttpOperationFailedException cause = org.apache.camel.util.ObjectHelper.getException(
                HttpOperationFailedException.class, result.getException());
        assertThat(cause).isNotNull();
        assertThat(cause.getStatusCode()).isEqualTo(401);
        assertThat(SIM.requests()).hasSize(1);
    }

    @Test
    void malformedEventFailsThePolledExchange() {
        SIM.faults().nextStream(Fault.malformedJson());
        PredicateSession session = SIM.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();

        Exchange result = template.request("direct:firstEvent",
                e -> e.getMessage().setHeader("sessionId", session.id()));

        assertThat(result.getException()).isInstanceOf(MalformedPredicateEventException.class);
        awaitNoOpenStream(session);
    }

    @Test
    void consumerTemplateReceivesTheOutcome() throws Exception {
        PredicateSession session = SIM.predicate().newSession().happyPath(Duration.ofMillis(100)).create();

        Object body = context.createConsumerTemplate()
                .receiveBody("predicate-sse:individual/" + session.id() + "?terminalOnly=true", 10_000);

        assertThat(body).isInstanceOf(PredicateStatusEvent.class);
        assertThat(((PredicateStatusEvent) body).getStatus()).isEqualTo("completed");
        awaitNoOpenStream(session);
    }

    @Test
    void aRoutePerSessionFromATemplate() throws Exception {
        Map<String, String> outcomes = new ConcurrentHashMap<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                routeTemplate("predicate-session").templateParameter("sessionId")
                        .from("predicate-sse:individual/{{sessionId}}?terminalOnly=true")
                        .process(e -> outcomes.put(e.getMessage().getHeader(PredicateSseConstants.SESSION_ID,
                                String.class), e.getMessage().getHeader(PredicateSseConstants.STATUS, String.class)));
            }
        });
        PredicateSession verified = SIM.predicate().newSession().happyPath(Duration.ofMillis(100)).create();
        PredicateSession rejected = SIM.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();

        for (PredicateSession session : List.of(verified, rejected)) {
            context.addRouteFromTemplate("session-" + session.id(), "predicate-session",
                    Map.of("sessionId", session.id()));
        }
        await().until(() -> rejected.openStreams() == 1);
        rejected.reject();

        await().until(() -> outcomes.size() == 2);
        assertThat(outcomes).containsEntry(verified.id(), "completed").containsEntry(rejected.id(), "rejected");
        await().until(() -> SIM.stats().openStreams() == 0);
        assertThat(SIM.requests()).hasSize(2);
    }

    private static void awaitNoOpenStream(PredicateSession session) {
        await().until(() -> session.openStreams() == 0 && SIM.stats().openStreams() == 0);
    }
}
