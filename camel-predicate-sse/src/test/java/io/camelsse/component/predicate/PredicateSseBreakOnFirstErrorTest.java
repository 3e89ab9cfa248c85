/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.camelsse.component.sse.connection.StreamState;
import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.ScriptStart;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A route that fails on the outcome gets it again with breakOnFirstError, and only then is the stream closed. */
class PredicateSseBreakOnFirstErrorTest extends PredicateTestSupport {

    @Test
    void withBreakOnFirstErrorTheOutcomeTheRouteFailedOnIsDeliveredAgain() throws Exception {
        PredicateSession session = SIM.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();
        routeFailingOnceOnCompleted(uri(session, "breakOnFirstError=true"));
        await().until(() -> statuses().contains("pending"));

        session.complete();

        await().until(() -> statuses().contains("completed"));
        assertThat(statuses()).containsExactly("pending", "completed");
        await().until(() -> consumer("r").streamStatus().state() == StreamState.CLOSED);
        assertThat(SIM.requests()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(reported).singleElement().satisfies(e -> assertThat(e).hasMessage("wallet service is down"));
    }

    @Test
    void withoutBreakOnFirstErrorTheFailedOutcomeIsReportedAndTheStreamClosed() throws Exception {
        PredicateSession session = SIM.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();
        routeFailingOnceOnCompleted(uri(session, ""));
        await().until(() -> statuses().contains("pending"));

        session.complete();

        await().until(() -> consumer("r").streamStatus().state() == StreamState.CLOSED);
        await().during(300, TimeUnit.MILLISECONDS).atMost(5, TimeUnit.SECONDS).until(() -> received.size() == 1);
        assertThat(statuses()).containsExactly("pending");
        assertThat(SIM.requests()).hasSize(1);
        assertThat(reported).singleElement().satisfies(e -> assertThat(e).hasMessage("wallet service is down"));
    }

    private void routeFailingOnceOnCompleted(String uri) throws Exception {
        AtomicBoolean failedOnce = new AtomicBoolean();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("r")
                        .process(exchange -> {
                            if ("completed".equals(exchange.getMessage().getHeader(PredicateSseConstants.STATUS))
                                    && failedOnce.compareAndSet(false, true)) {
                                throw new IllegalStateException("wallet service is down");
                            }
                        })
                        .process(received::add);
            }
        });
    }
}
