/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StatsAndRecordingTest {

    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension();

    @Test
    void countsConnectionsPerVendorAndOpenStreams(SseSimulator sim) {
        PredicateSession s = sim.predicate().createSession();
        TestStream.get(sim.aidenIdStreamUrl());                       // 401
        sim.faults().nextStream(Vendor.AIDENID, Fault.status(503));
        try (TestStream refused = TestStream.aidenId(sim)) {         // 503
            assertThat(refused.status()).isEqualTo(503);
        }
        try (TestStream a = TestStream.aidenId(sim); TestStream p = TestStream.predicate(sim, s)) {
            await().until(() -> sim.stats().openStreams() == 2);
            assertThat(sim.stats().openStreams(Vendor.AIDENID)).isEqualTo(1);
            assertThat(sim.stats().openStreams(Vendor.PREDICATE)).isEqualTo(1);
            assertThat(sim.stats().connections(Vendor.AIDENID)).isEqualTo(3);
            assertThat(sim.stats().connections(Vendor.PREDICATE)).isEqualTo(1);
            assertThat(sim.stats().connections()).isEqualTo(4);
            assertThat(sim.stats().acceptedStreams(Vendor.AIDENID)).isEqualTo(1);
            assertThat(sim.stats().acceptedStreams()).isEqualTo(2);
            p.awaitEvents(1);
            sim.aidenId().publishIdentityCreated("ident_1");
            a.awaitEvents(1);
            await().until(() -> sim.stats().eventsSent() == 2);
        }
        await().until(() -> sim.stats().openStreams() == 0);
    }

    @Test
    void recordsEveryRequestWithItsHeadersAsReceived(SseSimulator sim) {
        sim.faults().nextStream(Fault.dropAfterEvents(1));
        sim.aidenId().publishIdentityCreated("ident_1");
        sim.aidenId().publishIdentityCreated("ident_2");
        try (TestStream first = TestStream.aidenId(sim, "Last-Event-ID", "evt_000000")) {
            first.awaitEnd();
        }
        try (TestStream second = TestStream.aidenId(sim, "Last-Event-ID", "evt_000001", "X-Trace", "a", "x-trace", "b")) {
            second.awaitEvents(1);
        }
        TestStream.get(sim.baseUrl() + "/nowhere?x=1");

        List<RecordedRequest> all = sim.requests();
        assertThat(all).hasSize(3);
        assertThat(all).extracting(RecordedRequest::number).containsExactly(1, 2, 3);
        List<RecordedRequest> aiden = sim.requests(Vendor.AIDENID);
        assertThat(aiden).hasSize(2);
        RecordedRequest second = aiden.get(1);
        assertThat(second.lastEventId()).isEqualTo("evt_000001");
        assertThat(second.method()).isEqualTo("GET");
        assertThat(second.path()).isEqualTo("/v1/realtime/stream");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("authorization")).isEqualTo("Bearer " + SseSimulator.AIDENID_API_KEY);
        assertThat(second.headers()).containsKey("X-Org-Id");
        assertThat(second.headers("X-TRACE")).containsExactly("a", "b");
        assertThat(second.faults()).isEmpty();
        assertThat(aiden.get(0).faults()).containsExactly(Fault.dropAfterEvents(1));
        assertThat(aiden.get(0).header("Accept")).isEqualTo("text/event-stream");

        RecordedRequest other = sim.lastRequest();
        assertThat(other.vendor()).isNull();
        assertThat(other.uri()).isEqualTo("/nowhere?x=1");
        assertThat(other.status()).isEqualTo(404);
    }

    @Test
    void lastEventIdIsReadAsUtf8(SseSimulator sim) {
        try (TestStream stream = TestStream.aidenId(sim, "Last-Event-ID", "évt-✓")) {
            assertThat(stream.status()).isEqualTo(200);
        }
        assertThat(sim.lastRequest().lastEventId()).isEqualTo("évt-✓");
        assertThat(sim.lastRequest().headerUtf8("last-event-id")).isEqualTo("évt-✓");
    }

    @Test
    void resetForgetsEverything(SseSimulator sim) {
        PredicateSession s = sim.predicate().createSession();
        sim.aidenId().publishIdentityCreated("ident_1");
        sim.faults().nextStream(Fault.dropAfterEvents(5)).always(Fault.oneByteChunks()).random(1, 0.5);
        sim.aidenId().streamLimit(3);
        TestStream p = TestStream.predicate(sim, s);
        TestStream a = TestStream.aidenId(sim);
        await().until(() -> sim.stats().openStreams() == 2);

        sim.reset();

        assertThat(sim.stats().openStreams()).isZero();
        p.awaitEnd();
        a.awaitEnd();
        assertThat(p.dropped() && a.dropped()).isTrue();
        assertThat(sim.predicate().sessions()).isEmpty();
        assertThat(sim.aidenId().events()).isEmpty();
        assertThat(sim.aidenId().lastEventId()).isNull();
        assertThat(sim.aidenId().streamLimit()).isEqualTo(Integer.MAX_VALUE);
        assertThat(sim.faults().queued()).isZero();
        assertThat(sim.requests()).isEmpty();
        assertThat(sim.stats().connections()).isZero();
        assertThat(sim.stats().acceptedStreams()).isZero();
        assertThat(sim.stats().eventsSent()).isZero();
        assertThat(sim.aidenId().publishIdentityCreated("ident_2")).isEqualTo("evt_000001");
        try (TestStream fresh = TestStream.aidenId(sim)) {
            assertThat(fresh.status()).isEqualTo(200);
            assertThat(sim.requests().get(0).faults()).isEmpty();
        }
    }
}
