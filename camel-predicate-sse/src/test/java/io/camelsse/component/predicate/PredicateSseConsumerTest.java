/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelsse.component.sse.connection.StreamState;
import io.camelsse.component.sse.health.SseConsumerHealthCheck;
import io.camelsse.simulator.Fault;
import io.camelsse.simulator.Generation;
import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.ScriptStart;
import io.camelsse.simulator.Step;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PredicateSseConsumerTest extends PredicateTestSupport {

    private static final io.camelsse.simulator.SimulatedWallet WALLET
            = new io.camelsse.simulator.SimulatedWallet("wallet-uuid-1", "0x1234abcd", "ethereum");

    @Test
    void currentGenerationTimelineArrivesInOrderThroughKeepAlives() throws Exception {
        // steps further apart than the read timeout: only the simulator's keep-alives keep the stream up
        PredicateSession session = SIM.predicate().newSession()
                .unverifiedWallets(WALLET)
                .script(Step.after(Duration.ofMillis(1200), "submitted"),
                        Step.after(Duration.ofMillis(1200), "completed").withUserId("user-7"))
                .create();
        route("r", uri(session, "readTimeout=1s"));

        await().until(() -> received.size() == 3);
        assertThat(statuses()).containsExactly("pending", "submitted", "completed");
        assertThat(SIM.requests()).hasSize(1);

        for (int i = 0; i < 3; i++) {
            assertThat(received.get(i).getMessage().getBody()).isInstanceOf(PredicateStatusEvent.class);
            assertThat(header(i, PredicateSseConstants.SESSION_ID)).isEqualTo(session.id());
            assertThat(header(i, PredicateSseConstants.VERIFICATION_TYPE)).isEqualTo("individual");
            assertThat(header(i, PredicateSseConstants.EVENT_TYPE)).isEqualTo("message");
            assertThat(header(i, PredicateSseConstants.EVENT_ID)).isEqualTo("");
        }
        assertThat(header(0, PredicateSseConstants.TERMINAL)).isEqualTo(false);
        assertThat(header(0, PredicateSseConstants.VERIFIED)).isEqualTo(false);
        assertThat(header(0, PredicateSseConstants.USER_ID)).isNull();
        assertThat(header(0, PredicateSseConstants.COMPLETED_AT)).isNull();
        assertThat(event(0).getUnverifiedWallets()).containsExactly(new Wallet("wallet-uuid-1", "0x1234abcd",
                "ethereum"));
        assertThat(event(0).getVerifiedWallets()).isEmpty();

        // submitted: documents under manual review, the wallet is not verified
        assertThat(header(1, PredicateSseConstants.TERMINAL)).isEqualTo(false);
        assertThat(header(1, PredicateSseConstants.VERIFIED)).isEqualTo(false);
        assertThat(event(1).isVerified()).isFalse();

        assertThat(header(2, PredicateSseConstants.TERMINAL)).isEqualTo(true);
        assertThat(header(2, PredicateSseConstants.VERIFIED)).isEqualTo(true);
        assertThat(header(2, PredicateSseConstants.USER_ID)).isEqualTo("user-7");
        assertThat(header(2, PredicateSseConstants.COMPLETED_AT)).isEqualTo(session.completedAt());
        PredicateStatusEvent completed = event(2);
        assertThat(completed.getSessionId()).isEqualTo(session.id());
        assertThat(completed.getUserId()).isEqualTo("user-7");
        assertThat(completed.getCompletedAt()).isEqualTo(session.completedAt());
        assertThat(completed.getVerifiedWallets()).containsExactly(new Wallet("wallet-uuid-1", "0x1234abcd",
                "ethereum"));
        assertThat(completed.getUnverifiedWallets()).isEmpty();
    }

    @Test
    void earlierGenerationHappyPathIsUnderstood() throws Exception {
        PredicateSession session = SIM.predicate().newSession().generation(Generation.EARLIER)
                .happyPath(Duration.ofMillis(100)).create();
        route("r", uri(session, ""));

        await().until(() -> received.size() == 3);
        assertThat(statuses()).containsExactly("pending", "in_progress", "completed");
        assertThat(received).extracting(e -> e.getMessage().getHeader(PredicateSseConstants.TERMINAL))
                .containsExactly(false, false, true);
        assertThat(received).extracting(e -> e.getMessage().getHeader(PredicateSseConstants.VERIFIED))
                .containsExactly(false, false, true);
        awaitClosedWithOneRequest("r");
    }

    @Test
    void earlierGenerationFailedIsTerminalAndNotVerified() throws Exception {
        PredicateSession session = SIM.predicate().newSession().business().generation(Generation.EARLIER)
                .script(Step.after(Duration.ofMillis(100), "in_progress"), Step.after(Duration.ofMillis(100), "failed"))
                .create();
        route("r", uri(session, ""));

        await().until(() -> received.size() == 3);
        assertThat(statuses()).containsExactly("pending", "in_progress", "failed");
        assertThat(header(2, PredicateSseConstants.VERIFICATION_TYPE)).isEqualTo("business");
        assertThat(header(2, PredicateSseConstants.TERMINAL)).isEqualTo(true);
        assertThat(header(2, PredicateSseConstants.VERIFIED)).isEqualTo(false);
        awaitClosedWithOneRequest("r");
    }

    @Test
    void retryIsNotTerminalAndRejectedIs() throws Exception {
        PredicateSession session = SIM.predicate().newSession().business()
                .script(Step.after(Duration.ofMillis(100), "retry"), Step.after(Duration.ofMillis(100), "pending"),
                        Step.after(Duration.ofMillis(100), "rejected"))
                .create();
        route("r", uri(session, ""));

        await().until(() -> received.size() == 4);
        assertThat(statuses()).containsExactly("pending", "retry", "pending", "rejected");
        assertThat(received).extracting(e -> e.getMessage().getHeader(PredicateSseConstants.TERMINAL))
                .containsExactly(false, false, false, true);
        assertThat(received).extracting(e -> e.getMessage().getHeader(PredicateSseConstants.VERIFIED))
                .containsExactly(false, false, false, false);
        awaitClosedWithOneRequest("r");
    }

    @Test
    void unknownStatusIsDeliveredAsReceivedAndIsNotTerminal() throws Exception {
        PredicateSession session = SIM.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();
        route("r", uri(session, ""));
        await().until(() -> received.size() == 1);

        session.status("under_review");
        await().until(() -> received.size() == 2);
        assertThat(header(1, PredicateSseConstants.STATUS)).isEqualTo("under_review");
        assertThat(header(1, PredicateSseConstants.TERMINAL)).isEqualTo(false);
        assertThat(header(1, PredicateSseConstants.VERIFIED)).isEqualTo(false);
        assertThat(event(1).knownStatus()).isEmpty();

        // still streaming: the session goes on after a status nobody knows
        session.complete();
        await().until(() -> received.size() == 3);
        assertThat(statuses()).containsExactly("pending", "under_review", "completed");
    }

    @Test
    void snapshotResentAfterAReconnectIsNotDeliveredAgain() throws Exception {
        SIM.faults().nextStream(Fault.dropAfterEvents(1));
        PredicateSession session = SIM.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();
        route("r", uri(session, ""));

        await().until(() -> SIM.requests().size() == 2 && session.openStreams() == 1);
        session.advance();
        await().until(() -> received.size() >= 2);
        assertThat(statuses()).containsExactly("pending", "submitted");
    }

    @Test
    void withoutSkipUnchangedTheResentSnapshotIsDeliveredAgain() throws Exception {
        SIM.faults().nextStream(Fault.dropAfterEvents(1));
        PredicateSession session = SIM.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();
        route("r", uri(session, "skipUnchanged=false"));

        await().until(() -> SIM.requests().size() == 2 && session.openStreams() == 1);
        session.advance();
        await().until(() -> received.size() >= 3);
        assertThat(statuses()).containsExactly("pending", "pending", "submitted");
    }

    @Test
    void sameStateSentTwiceOnOneConnectionIsDeliveredOnce() throws Exception {
        PredicateSession session = SIM.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();
        route("r", uri(session, ""));
        await().until(() -> received.size() == 1);

        session.update(u -> {
        });
        session.userId("user-1");
        await().until(() -> received.size() >= 2);
        assertThat(statuses()).containsExactly("pending", "pending");
        assertThat(event(1).getUserId()).isEqualTo("user-1");
    }

    @Test
    void noRequestAtAllAfterATerminalStatus() throws Exception {
        PredicateSession session = SIM.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();
        route("r", uri(session, ""));
        await().until(() -> received.size() == 1);

        session.complete();
        await().until(() -> received.size() == 2);
        // the server ends the stream after a terminal status; a consumer that reconnected would do so within ms
        await().during(Duration.ofSeconds(1)).until(() -> SIM.requests().size() == 1);
        assertThat(consumer("r").streamStatus().state()).isEqualTo(StreamState.CLOSED);
        HealthCheck.Result health = consumer("r").getHealthCheck().call();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(health.getDetails()).containsEntry(SseConsumerHealthCheck.DETAIL_STATE, "CLOSED");
        assertThat(reported).isEmpty();
    }

    @Test
    void reconnectRequestedAfterATerminalStatusLeavesTheStreamClosed() throws Exception {
        PredicateSession session = SIM.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();
        route("r", uri(session, ""));
        await().until(() -> received.size() == 1);
        session.complete();
        awaitClosedWithOneRequest("r");

        consumer("r").reconnect();

        // reopened, it would get the outcome again, skip it as unchanged, and reconnect every time the server ends
        await().during(Duration.ofSeconds(1)).until(() -> SIM.requests().size() == 1);
        assertThat(consumer("r").streamStatus().state()).isEqualTo(StreamState.CLOSED);
        assertThat(statuses()).containsExactly("pending", "completed");
    }

    @Test
    void withoutCloseOnTerminalTheConsumerReconnectsAndSkipsTheRepeatedOutcome() throws Exception {
        PredicateSession session = SIM.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();
        route("r", uri(session, "closeOnTerminal=false"));
        await().until(() -> received.size() == 1);

        session.complete();
        await().until(() -> SIM.requests().size() >= 3);
        assertThat(statuses()).containsExactly("pending", "completed");
    }

    @Test
    void terminalOnlyDeliversTheOutcomeAlone() throws Exception {
        PredicateSession session = SIM.predicate().newSession().happyPath(Duration.ofMillis(100)).create();
        route("r", uri(session, "terminalOnly=true"));

        await().until(() -> consumer("r").streamStatus().state() == StreamState.CLOSED);
        assertThat(statuses()).containsExactly("completed");
        assertThat(header(0, PredicateSseConstants.VERIFIED)).isEqualTo(true);
        assertThat(SIM.requests()).hasSize(1);
    }

    @Test
    void rawPayloadIsTheJsonTextAsReceivedWithTheSameHeaders() throws Exception {
        PredicateSession session = SIM.predicate().newSession().unverifiedWallets(WALLET)
                .scriptStart(ScriptStart.MANUAL).create();
        String sent = session.snapshotJson();
        route("r", uri(session, "rawPayload=true"));

        await().until(() -> received.size() == 1);
        assertThat(received.get(0).getMessage().getBody()).isEqualTo(sent);
        assertThat(header(0, PredicateSseConstants.STATUS)).isEqualTo("pending");
        assertThat(header(0, PredicateSseConstants.TERMINAL)).isEqualTo(false);
    }

    @Test
    void bodyConvertsToJsonTextAndToAMap() throws Exception {
        PredicateSession session = SIM.predicate().newSession().unverifiedWallets(WALLET)
                .scriptStart(ScriptStart.MANUAL).create();
        route("r", uri(session, ""));
        await().until(() -> received.size() == 1);

        String json = received.get(0).getMessage().getBody(String.class);
        assertThat(json).isEqualTo("{\"sessionId\":\"" + session.id() + "\",\"status\":\"pending\","
                                   + "\"verifiedWallets\":[],\"unverifiedWallets\":[{\"id\":\"wallet-uuid-1\","
                                   + "\"address\":\"0x1234abcd\",\"chain\":\"ethereum\"}]}");
        @SuppressWarnings("unchecked")
        Map<String, Object> map = received.get(0).getMessage().getBody(Map.class);
        assertThat(map).containsEntry("sessionId", session.id()).containsEntry("status", "pending")
                .containsEntry("verifiedWallets", List.of())
                .containsEntry("unverifiedWallets",
                        List.of(Map.of("id", "wallet-uuid-1", "address", "0x1234abcd", "chain", "ethereum")))
                .doesNotContainKey("userId");
        assertThat(context.resolveLanguage("simple").createExpression("${body.unverifiedWallets[0].address}")
                .evaluate(received.get(0), String.class)).isEqualTo("0x1234abcd");
        assertThat(context.resolveLanguage("simple").createExpression("${body.status}")
                .evaluate(received.get(0), String.class)).isEqualTo("pending");
    }

    @Test
    void malformedJsonGoesToTheErrorHandlerAndTheNextEventIsDelivered() throws Exception {
        SIM.faults().nextStream(Fault.malformedJson());
        PredicateSession session = SIM.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();
        List<Exchange> failed = new java.util.concurrent.CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(MalformedPredicateEventException.class).handled(true).process(failed::add);
                from(uri(session, "")).routeId("r").process(received::add);
            }
        });

        await().until(() -> received.size() == 1);
        assertThat(failed).hasSize(1);
        Exchange bad = failed.get(0);
        Exception cause = bad.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertThat(cause).isInstanceOfSatisfying(MalformedPredicateEventException.class, e -> {
            assertThat(e.getSessionId()).isEqualTo(session.id());
            assertThat(e.getMessage()).contains(session.id()).contains("not valid JSON");
        });
        // the data as it came: the simulator cuts the JSON short after "status":
        assertThat(bad.getMessage().getBody(String.class)).startsWith("{\"sessionId\":").endsWith("\"status\":");
        assertThat(bad.getMessage().getHeader(PredicateSseConstants.SESSION_ID)).isEqualTo(session.id());

        assertThat(statuses()).containsExactly("pending");
        session.advance();
        await().until(() -> received.size() == 2);
        assertThat(SIM.requests()).hasSize(1);
        assertThat(reported).isEmpty();
    }

    @Test
    void malformedJsonUnhandledByTheRouteIsReportedAndTheStreamGoesOn() throws Exception {
        SIM.faults().nextStream(Fault.malformedJson());
        PredicateSession session = SIM.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();
        route("r", uri(session, ""));

        await().until(() -> received.size() == 1 && reported.size() == 1);
        assertThat(reported.get(0)).isInstanceOf(MalformedPredicateEventException.class);
        assertThat(statuses()).containsExactly("pending");
        assertThat(SIM.requests()).hasSize(1);
    }

    private void awaitClosedWithOneRequest(String routeId) {
        await().until(() -> consumer(routeId).streamStatus().state() == StreamState.CLOSED);
        assertThat(SIM.requests()).hasSize(1);
    }
}
