/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.camelsse.simulator.Fault;
import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.RecordedRequest;
import io.camelsse.simulator.ScriptStart;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PredicateWatchPacingTest extends PredicateWatchTestSupport {

    @Test
    void newConnectionsAreSpacedOut() throws Exception {
        startContext(watchUri("maxConnectsPerSecond=10"));
        List<PredicateSession> sessions = SIM.predicate().createSessions(15, b -> b.scriptStart(ScriptStart.MANUAL));
        sessions.forEach(s -> add(s.id()));

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 15);
        List<Instant> times = requestTimes();
        // 13 intervals of 100 ms at least; the very first request of a JVM may be late by its own warm-up
        assertThat(Duration.between(times.get(1), times.get(14))).isGreaterThanOrEqualTo(Duration.ofMillis(1250));
    }

    @Test
    void aTooManyRequestsAnswerSlowsThePaceDown() throws Exception {
        startContext(watchUri("maxConnectsPerSecond=20"));
        // a first connection, so that the 429 answers below come back as fast as warm code answers
        add(SIM.predicate().newSession().scriptStart(ScriptStart.MANUAL).create().id());
        await().until(() -> received.size() == 1);
        SIM.faults().nextStream(Fault.status(429).retryAfter(Duration.ofSeconds(1)))
                .nextStream(Fault.status(429).retryAfter(Duration.ofSeconds(1)));
        List<PredicateSession> sessions = SIM.predicate().createSessions(12, b -> b.scriptStart(ScriptStart.MANUAL));
        template().sendBody("direct:many", sessions.stream().map(PredicateSession::id).toList());

        await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == 13);
        await().until(() -> consumer().connectsPerSecond() < 20);
        List<Instant> times = requestTimes();
        // at 20 per second requests would be 50 ms apart; after the first 429 the pace is halved for a while. Taken
        // over five gaps: the server's clock sees each request a little late or early on a loaded machine, and only
        // the two ends of a span carry that error
        assertThat(Duration.between(times.get(3), times.get(8)))
                .as("five gaps from request 3").isGreaterThanOrEqualTo(Duration.ofMillis(450));
        assertThat(reported).isEmpty();
    }

    private static List<Instant> requestTimes() {
        return SIM.requests().stream().map(RecordedRequest::receivedAt).sorted().toList();
    }
}
