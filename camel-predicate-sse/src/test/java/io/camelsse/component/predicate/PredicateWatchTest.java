/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.camelsse.component.sse.LogCapture;
import io.camelsse.simulator.Fault;
import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.ScriptStart;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class PredicateWatchTest extends PredicateWatchTestSupport {

    private PredicateSession manualSession() {
        return SIM.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();
    }

    @Test
    void deliversEverySessionWithTheSingleSessionHeadersAndDropsItAfterItsOutcome() throws Exception {
        startContext(watchUri(""));
        PredicateSession kyc = manualSession();
        PredicateSession kyb = SIM.predicate().newSession().business().scriptStart(ScriptStart.MANUAL).create();
        add(kyc.id());
        add(kyb.id(), "business");

        await().until(() -> received.size() == 2);
        assertThat(watchSet().size()).isEqualTo(2);
        kyc.advance();
        kyb.reject();
        await().until(() -> statusesOf(kyb.id()).size() == 2 && statusesOf(kyc.id()).size() == 2);
        assertThat(statusesOf(kyc.id())).containsExactly("pending", "submitted");
        assertThat(statusesOf(kyb.id())).containsExactly("pending", "rejected");
        var rejected = received.stream().filter(e -> "rejected".equals(
                e.getMessage().getHeader(PredicateSseConstants.STATUS))).findFirst().orElseThrow();
        assertThat(rejected.getMessage().getHeader(PredicateSseConstants.VERIFICATION_TYPE)).isEqualTo("business");
        assertThat(rejected.getMessage().getHeader(PredicateSseConstants.TERMINAL)).isEqualTo(true);
        assertThat(rejected.getMessage().getHeader(PredicateSseConstants.VERIFIED)).isEqualTo(false);
        assertThat(rejected.getMessage().getBody()).isInstanceOf(PredicateStatusEvent.class);
        await().until(() -> watchSet().size() == 1);
        assertThat(watchSet().contains(kyb.id())).isFalse();

        kyc.complete();
        await().until(() -> statusesOf(kyc.id()).size() == 3);
        var completed = received.get(received.size() - 1);
        assertThat(completed.getMessage().getHeader(PredicateSseConstants.VERIFIED)).isEqualTo(true);
        assertThat(completed.getMessage().getBody(PredicateStatusEvent.class).getUserId()).isNotNull();
        await().until(() -> watchSet().size() == 0);
        // terminal: no reconnect to either session
        await().during(Duration.ofMillis(500)).until(() -> SIM.requests().size() == 2);
        assertThat(reported).isEmpty();
    }

    @Test
    void reconnectsOfWatchedSessionsWriteNoLinePerSession() throws Exception {
        startContext(watchUri(""));
        List<PredicateSession> sessions = List.of(manualSession(), manualSession(), manualSession());
        sessions.forEach(session -> add(session.id()));
        await().until(() -> received.size() == 3);

        try (LogCapture log = new LogCapture()) {
            // every stream drops, connections are refused for a moment, and every session reconnects
            SIM.simulator().restart(Duration.ofMillis(300));
            await().until(() -> sessions.stream().allMatch(session -> session.openStreams() == 1)
                                && SIM.requests().size() >= 6);
            assertThat(log.lines()).as("routine reconnects of watched sessions are DEBUG")
                    .noneMatch(line -> (line.startsWith("WARN") || line.startsWith("INFO"))
                                       && line.contains("Predicate session"));
        }
        assertThat(received).as("the snapshots sent again are no news").hasSize(3);
    }

    @Test
    void addingAWatchedSessionAgainChangesNothing() throws Exception {
        startContext(watchUri(""));
        PredicateSession session = manualSession();
        add(session.id());
        add(session.id());
        add(session.id(), "business");

        await().until(() -> received.size() == 1 && session.openStreams() == 1);
        await().during(Duration.ofMillis(300)).until(() -> SIM.requests().size() == 1);
        assertThat(watchSet().size()).isEqualTo(1);
        assertThat(received.get(0).getMessage().getHeader(PredicateSseConstants.VERIFICATION_TYPE))
                .isEqualTo("individual");
    }

    @Test
    void removedSessionIsClosedAndNoLongerDelivered() throws Exception {
        startContext(watchUri(""));
        PredicateSession removed = manualSession();
        PredicateSession kept = manualSession();
        add(removed.id());
        add(kept.id());
        await().until(() -> received.size() == 2);

        remove(removed.id());
        await().until(() -> removed.openStreams() == 0);
        assertThat(watchSet().contains(removed.id())).isFalse();
        removed.advance();
        kept.advance();
        await().until(() -> statusesOf(kept.id()).size() == 2);
        assertThat(statusesOf(removed.id())).containsExactly("pending");
        // removing what is not watched changes nothing either
        remove(removed.id());
        assertThat(watchSet().size()).isEqualTo(1);
    }

    @Test
    void fullSetFailsTheExchangeAndChangesNothing() throws Exception {
        startContext(watchUri("maxSessions=2"));
        PredicateSession first = manualSession();
        PredicateSession second = manualSession();
        PredicateSession third = manualSession();
        add(first.id());
        add(second.id());

        assertThatThrownBy(() -> add(third.id())).isInstanceOf(CamelExecutionException.class)
                .hasCauseInstanceOf(WatchSetFullException.class)
                .hasRootCauseMessage("Watch set 'default' is full (maxSessions=2): session " + third.id()
                                     + " was not added");
        assertThat(watchSet().size()).isEqualTo(2);
        await().until(() -> received.size() == 2);
        await().during(Duration.ofMillis(300)).until(() -> third.openStreams() == 0);
        // an add of a session already in a full set is no error
        add(first.id());
    }

    @Test
    void refusedSessionIdFailsTheExchangeAndChangesNothing() throws Exception {
        startContext(watchUri(""));
        assertThatThrownBy(() -> add("not-a-session\r\nX-Evil: 1")).hasCauseInstanceOf(IllegalArgumentException.class)
                .hasStackTraceContaining("The Predicate session ID must be the UUID");
        assertThatThrownBy(() -> add(UUID.randomUUID().toString(), "corporate"))
                .hasStackTraceContaining("must be 'individual' or 'business'");
        assertThatThrownBy(() -> template().sendBodyAndHeader("direct:watch", UUID.randomUUID().toString(),
                PredicateSseConstants.WATCH_ACTION, "pause")).hasStackTraceContaining("must be 'add' or 'remove'");
        assertThat(watchSet().size()).isZero();
        assertThat(SIM.requests()).isEmpty();
    }

    @Test
    void permanentFailureOfOneSessionIsReportedOnceWithItsIdAndLeavesTheOthersAlone() throws Exception {
        startContext(watchUri(""));
        PredicateSession healthy = manualSession();
        String unknown = UUID.randomUUID().toString();
        add(unknown);
        add(healthy.id());

        await().until(() -> reported.size() == 1 && statusesOf(healthy.id()).size() == 1);
        Report report = reported.get(0);
        assertThat(report.sessionId()).isEqualTo(unknown);
        assertThat(report.message()).contains(unknown).contains("session_not_found");
        assertThat(report.exception()).isInstanceOf(PredicateApiException.class);
        assertThat(((PredicateApiException) report.exception()).getCode()).isEqualTo("session_not_found");
        await().until(() -> !watchSet().contains(unknown));

        healthy.advance();
        await().until(() -> statusesOf(healthy.id()).size() == 2);
        await().during(Duration.ofMillis(300)).until(() -> reported.size() == 1);
        HealthCheck.Result health = consumer().getHealthCheck().call();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(health.getDetails()).containsEntry(PredicateWatchHealthCheck.DETAIL_FAILED, 1L)
                .containsEntry(PredicateWatchHealthCheck.DETAIL_OPEN, 1)
                .containsEntry(PredicateWatchHealthCheck.DETAIL_SESSIONS, 1);
    }

    @Test
    void sessionsAddedBeforeTheConsumerStartsAreOpenedWhenItStarts() throws Exception {
        startContext(watchUri(""));
        context.getRouteController().stopRoute("watch");
        PredicateSession session = manualSession();
        add(session.id());
        await().during(Duration.ofMillis(200)).until(() -> SIM.requests().isEmpty());

        context.getRouteController().startRoute("watch");
        await().until(() -> received.size() == 1);
        assertThat(statusesOf(session.id())).containsExactly("pending");
    }

    @Test
    void aRouteRestartDoesNotDeliverAStatusAgain() throws Exception {
        startContext(watchUri(""));
        PredicateSession unchanged = manualSession();
        PredicateSession changed = manualSession();
        add(unchanged.id());
        add(changed.id());
        await().until(() -> received.size() == 2);

        context.getRouteController().stopRoute("watch");
        changed.advance();
        context.getRouteController().startRoute("watch");
        await().until(() -> received.size() == 3);
        await().during(Duration.ofMillis(300)).until(() -> received.size() == 3 && SIM.requests().size() == 4);
        assertThat(statusesOf(changed.id())).containsExactly("pending", "submitted");
        assertThat(statusesOf(unchanged.id())).containsExactly("pending");
    }

    @Test
    void healthCountsSessionsByState() throws Exception {
        startContext("predicate-sse:watch?exceptionHandler=#recordingHandler&reconnectDelay=60000");
        List<PredicateSession> sessions = SIM.predicate().createSessions(3, b -> b.scriptStart(ScriptStart.MANUAL));
        sessions.forEach(s -> add(s.id()));
        await().until(() -> received.size() == 3);
        HealthCheck.Result health = consumer().getHealthCheck().call();
        assertThat(health.getDetails()).containsEntry(PredicateWatchHealthCheck.DETAIL_SESSIONS, 3)
                .containsEntry(PredicateWatchHealthCheck.DETAIL_OPEN, 3)
                .containsEntry(PredicateWatchHealthCheck.DETAIL_RECONNECTING, 0);

        SIM.simulator().stopListening();
        await().until(() -> consumer().getHealthCheck().call().getDetails()
                .get(PredicateWatchHealthCheck.DETAIL_RECONNECTING).equals(3));
        SIM.simulator().startListening();
    }

    @Test
    void sessionsAddedWhileTheApiIsOutOfReachDoNotTurnTheHealthCheckUp() throws Exception {
        SIM.faults().always(Fault.status(503));
        startContext(watchUri("unhealthyAfter=300&maxReconnectDelay=100&maxConnectsPerSecond=0"));
        add(manualSession().id());
        HealthCheck check = consumer().getHealthCheck();
        await().until(() -> check.call().getState() == HealthCheck.State.DOWN);

        add(manualSession().id());
        assertThat(check.call().getState()).as("a session added now has not connected either")
                .isEqualTo(HealthCheck.State.DOWN);

        SIM.faults().clear();
        await().until(() -> check.call().getState() == HealthCheck.State.UP);
    }

    @Test
    void aSecondRouteOnTheSameWatchSetIsRefused() throws Exception {
        startContext(watchUri(""));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("predicate-sse:watch?reconnectDelay=20").routeId("second").autoStartup(false).to("log:x");
            }
        });
        assertThatThrownBy(() -> context.getRouteController().startRoute("second"))
                .hasStackTraceContaining("already consumed by route 'watch'");
    }
}
