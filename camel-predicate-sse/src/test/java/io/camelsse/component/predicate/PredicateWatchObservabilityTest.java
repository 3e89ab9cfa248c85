/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import io.camelsse.component.sse.console.SseDevConsole;
import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.ScriptStart;
import io.camelsse.simulator.SseSimulator;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.console.DevConsole;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** predicate-sse:watch in metrics and the dev console: one row and one set of meters, its sessions by state. */
class PredicateWatchObservabilityTest extends PredicateWatchTestSupport {

    private PredicateSession manualSession() {
        return SIM.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();
    }

    @Test
    void metersCountTheSessionsByStateAndTheEventsOfAll() throws Exception {
        MeterRegistry meters = new SimpleMeterRegistry();
        startContext(watchUri(""), "meters", meters);
        PredicateSession first = manualSession();
        PredicateSession second = manualSession();
        add(first.id());
        add(second.id());
        await().until(() -> received.size() == 2);

        await().until(() -> sessions(meters, "connected") == 2);
        assertThat(sessions(meters, "connecting")).isZero();
        assertThat(sessions(meters, "reconnecting")).isZero();
        assertThat(sessions(meters, "failed")).isZero();
        assertThat(meters.get("camel.sse.events.delivered").tag("routeId", "watch").functionCounter().count())
                .isEqualTo(2);
        assertThat(meters.get("camel.sse.read").tag("routeId", "watch").functionCounter().count()).isPositive();
        assertThat(meters.get("camel.sse.stream.state").tag("state", "connected").gauge().value()).isEqualTo(1);
        for (Meter meter : meters.getMeters()) {
            assertThat(meter.getId().getTag("component")).isEqualTo("predicate-sse");
        }

        first.complete();
        await().until(() -> sessions(meters, "connected") == 1);
    }

    @Test
    void theConsoleShowsTheWatchAsOneRowWithItsSessions() throws Exception {
        startContext(watchUri(""));
        add(manualSession().id());
        add(manualSession().id());
        await().until(() -> received.size() == 2);
        await().until(() -> consumer().streamSnapshot().sessions().get("connected") == 2);

        SseDevConsole console = new SseDevConsole();
        console.setCamelContext(context);
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertThat(text.split("\n")).hasSize(2);
        assertThat(text).contains("watch", "predicate-sse",
                "CONNECTED (connecting 0, connected 2, reconnecting 0, failed 0)", SIM.baseUrl());
        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON);
        JsonObject row = (JsonObject) json.getCollection("streams").iterator().next();
        assertThat(row).containsEntry("routeId", "watch").containsEntry("state", "CONNECTED")
                .containsEntry("eventsDelivered", 2L);
        assertThat((JsonObject) row.get("sessions")).containsEntry("connected", 2L).containsEntry("failed", 0L);
        assertThat(text + Jsoner.serialize(json)).doesNotContain(SseSimulator.PREDICATE_API_KEY);
    }

    private static double sessions(MeterRegistry meters, String state) {
        return meters.get("camel.sse.watch.sessions").tag("state", state).gauge().value();
    }
}
