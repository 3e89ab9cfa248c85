/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.camelsse.simulator.Fault;
import io.camelsse.simulator.RecordedRequest;
import io.camelsse.simulator.Vendor;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Resuming without loss and without duplicates: across drops, route restarts and a new Camel context. */
class AidenIdResumeTest extends AidenIdRouteTestSupport {

    private static final String IDENTITY = "ident_a1b2c3d4e5";

    @Test
    void dropAfterEventsResumesWithTheLastEventIdAndLosesOrRepeatsNothing() throws Exception {
        SIM.faults().nextStream(Fault.dropAfterEvents(3));
        route("r", aidenId(""));
        awaitConnected("r");
        publish(6);

        await().until(() -> received.size() == 6);
        assertThat(receivedIds()).containsExactlyElementsOf(publishedIds());
        List<RecordedRequest> requests = SIM.simulator().requests(Vendor.AIDENID);
        assertThat(requests.get(0).lastEventId()).isNull();
        assertThat(requests.get(1).lastEventId()).isEqualTo("evt_000003");
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.header("Authorization")).isEqualTo("Bearer aid_sim_test_key");
            assertThat(r.header("X-Org-Id")).isEqualTo("org_sim");
            assertThat(r.header("X-Project-Id")).isEqualTo("proj_sim");
            assertThat(r.header("Accept")).isEqualTo("text/event-stream");
        });
    }

    @Test
    void dropInTheMiddleOfAnEventResumesBeforeThatEvent() throws Exception {
        SIM.faults().nextStream(Fault.dropMidEvent(2));
        route("r", aidenId(""));
        awaitConnected("r");
        publish(5);

        await().until(() -> received.size() == 5);
        assertThat(receivedIds()).containsExactlyElementsOf(publishedIds());
        assertThat(SIM.simulator().requests(Vendor.AIDENID).get(1).lastEventId()).isEqualTo("evt_000002");
    }

    @Test
    void thousandEventsWithRandomDropsArriveExactlyAsPublished() throws Exception {
        SIM.faults().random(20240406L, 0.02);
        route("r", aidenId(""));
        awaitConnected("r");
        String last = null;
        for (int i = 0; i < 1000; i++) {
            last = switch (i % 4) {
                case 0 -> SIM.aidenId().publishIdentityCreated(IDENTITY);
                case 1 -> SIM.aidenId().publishInboundReceived(IDENTITY);
                case 2 -> SIM.aidenId().publishExtractionCompleted(IDENTITY);
                default -> SIM.aidenId().publishIdentityExpired(IDENTITY);
            };
        }
        String lastId = last;

        // in stream order: once the last event is in, any loss or duplicate before it would show
        await().atMost(2, TimeUnit.MINUTES).until(() -> receivedIds().contains(lastId));
        assertThat(receivedIds()).hasSize(1000).containsExactlyElementsOf(publishedIds());
        assertThat(SIM.stats().acceptedStreams(Vendor.AIDENID)).as("the run had drops").isGreaterThan(3);
        assertThat(reported).isEmpty();
    }

    @Test
    void lastEventIdOptionSetsTheFirstPosition() throws Exception {
        publish(4);
        route("r", aidenId("lastEventId=evt_000002"));

        await().until(() -> received.size() == 2);
        assertThat(receivedIds()).containsExactly("evt_000003", "evt_000004");
        assertThat(SIM.simulator().requests(Vendor.AIDENID).get(0).lastEventId()).isEqualTo("evt_000002");
    }

    @Test
    void routeRestartResumesAfterTheLastCompletedEvent() throws Exception {
        route("r", aidenId("lastEventId=evt_x1y2z3"));
        awaitConnected("r");
        publish(2);
        await().until(() -> received.size() == 2);

        context.getRouteController().stopRoute("r");
        publish(2);
        context.getRouteController().startRoute("r");

        await().until(() -> received.size() == 4);
        assertThat(receivedIds()).containsExactlyElementsOf(publishedIds());
        assertThat(SIM.simulator().requests(Vendor.AIDENID).get(1).lastEventId()).isEqualTo("evt_000002");
    }

    @Test
    void restartedContextResumesFromTheIdStoredInAFileStateRepository(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("aidenid-positions.dat");
        context.getRegistry().bind("positions", FileStateRepository.fileStateRepository(store.toFile()));
        route("r", aidenId("lastEventIdRepository=#positions"));
        awaitConnected("r");
        publish(3);
        await().until(() -> received.size() == 3);
        context.stop();

        publish(3);
        FileStateRepository reopened = FileStateRepository.fileStateRepository(store.toFile());
        context = newContext();
        context.getRegistry().bind("positions", reopened);
        context.start();
        route("r", aidenId("lastEventIdRepository=#positions"));

        await().until(() -> received.size() == 6);
        assertThat(receivedIds()).containsExactlyElementsOf(publishedIds());
        assertThat(SIM.simulator().requests(Vendor.AIDENID).get(1).lastEventId()).isEqualTo("evt_000003");
        assertThat(reopened.getState("aidenid-sse/org_sim/proj_sim")).isEqualTo("evt_000006");
        assertThat(reopened.getStatus().isStarted()).as("started by the consumer").isTrue();
    }

    /**
     * A replica that takes the leadership a second time in the same JVM: in between, another replica wrote the shared
     * file. The route starts again from the file, not from what its repository read when it first started.
     */
    @Test
    void routeStartedAgainResumesFromWhatAnotherReplicaWroteToTheFileMeanwhile(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("aidenid-positions.dat");
        FileStateRepository positions = FileStateRepository.fileStateRepository(store.toFile());
        context.getRegistry().bind("positions", positions);
        route("r", aidenId("lastEventIdRepository=#positions"));
        awaitConnected("r");
        publish(3);
        await().until(() -> received.size() == 3);
        context.getRouteController().stopRoute("r");

        publish(2);
        FileStateRepository otherReplica = FileStateRepository.fileStateRepository(store.toFile());
        otherReplica.start();
        otherReplica.setState("aidenid-sse/org_sim/proj_sim", "evt_000005");
        context.getRouteController().startRoute("r");
        awaitConnected("r");
        publish(1);

        await().until(() -> receivedIds().contains("evt_000006"));
        assertThat(receivedIds()).containsExactly("evt_000001", "evt_000002", "evt_000003", "evt_000006");
        assertThat(SIM.simulator().requests(Vendor.AIDENID).get(1).lastEventId()).isEqualTo("evt_000005");
        await().until(() -> "evt_000006".equals(positions.getState("aidenid-sse/org_sim/proj_sim")));
    }

    @Test
    void storedIdTakesPrecedenceOverTheLastEventIdOptionAndTheKeyCanBeChosen() throws Exception {
        publish(4);
        MemoryStateRepository positions = new MemoryStateRepository();
        positions.setState("my-route", "evt_000003");
        context.getRegistry().bind("positions", positions);
        route("r", aidenId("lastEventIdRepository=#positions&lastEventIdRepositoryKey=my-route"
                           + "&lastEventId=evt_000001"));

        await().until(() -> received.size() == 1);
        assertThat(receivedIds()).containsExactly("evt_000004");
        assertThat(SIM.simulator().requests(Vendor.AIDENID).get(0).lastEventId()).isEqualTo("evt_000003");
        await().until(() -> "evt_000004".equals(positions.getState("my-route")));
    }

    @Test
    void idIsStoredOnlyOnceItsExchangeHasCompleted() throws Exception {
        MemoryStateRepository positions = new MemoryStateRepository();
        context.getRegistry().bind("positions", positions);
        CountDownLatch release = new CountDownLatch(1);
        route("r", aidenId("lastEventIdRepository=#positions"), exchange -> {
            if ("evt_000002".equals(exchange.getMessage().getHeader(AidenIdSseConstants.EVENT_ID))) {
                release.await(30, TimeUnit.SECONDS);
            }
        });
        awaitConnected("r");
        publish(2);

        await().until(() -> "evt_000001".equals(positions.getState("aidenid-sse/org_sim/proj_sim")));
        // event 2 is in the route now; a crash here must deliver it again, so it is not stored yet
        await().during(300, TimeUnit.MILLISECONDS).atMost(5, TimeUnit.SECONDS)
                .until(() -> "evt_000001".equals(positions.getState("aidenid-sse/org_sim/proj_sim")));
        release.countDown();
        await().until(() -> "evt_000002".equals(positions.getState("aidenid-sse/org_sim/proj_sim")));
    }

    @Test
    void filteredEventsAdvanceTheStoredPosition() throws Exception {
        MemoryStateRepository positions = new MemoryStateRepository();
        context.getRegistry().bind("positions", positions);
        route("r", aidenId("lastEventIdRepository=#positions&eventTypes=identity.expired"));
        awaitConnected("r");
        SIM.aidenId().publishIdentityExpired(IDENTITY);
        SIM.aidenId().publishIdentityCreated(IDENTITY);
        String skipped = SIM.aidenId().publishInboundReceived(IDENTITY);

        await().until(() -> skipped.equals(positions.getState("aidenid-sse/org_sim/proj_sim")));
        assertThat(receivedIds()).containsExactly("evt_000001");
    }

    @Test
    void silentStreamIsReconnectedAfterTheReadTimeoutAndResumes() throws Exception {
        publish(3);
        SIM.faults().nextStream(Fault.stallAfterEvents(1, Duration.ofSeconds(30)));
        // evt_000000 comes before every event the simulator issues: the whole log is replayed
        route("r", aidenId("lastEventId=evt_000000&readTimeout=1s"));

        await().until(() -> received.size() == 3);
        assertThat(receivedIds()).containsExactlyElementsOf(publishedIds());
        assertThat(SIM.simulator().requests(Vendor.AIDENID).get(1).lastEventId()).isEqualTo("evt_000001");
        assertThat(reported).isEmpty();
    }

    @Test
    void eventOverMaxEventSizeIsReportedAndTheStreamResumesAfterTheLastEventDelivered() throws Exception {
        publish(4);
        SIM.faults().nextStream(Fault.oversizedEvent(2048, 2));
        route("r", aidenId("lastEventId=evt_000000&maxEventSize=1024"));

        await().until(() -> received.size() == 4);
        assertThat(receivedIds()).containsExactlyElementsOf(publishedIds());
        assertThat(SIM.simulator().requests(Vendor.AIDENID).get(1).lastEventId()).isEqualTo("evt_000002");
        assertThat(reported).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("dropped an event"));
    }

    @Test
    void eventOverMaxEventSizeThatTheServerReplaysIsDroppedOnceAndTheStreamMovesOn() throws Exception {
        route("r", aidenId("maxEventSize=1024"));
        awaitConnected("r");
        String first = SIM.aidenId().publishIdentityCreated(IDENTITY);
        String oversized = SIM.aidenId().publish("inbound.received",
                "{\"identity_id\":\"" + IDENTITY + "\",\"subject\":\"" + "x".repeat(2048) + "\"}");
        String third = SIM.aidenId().publishIdentityExpired(IDENTITY);

        // the server keeps the large event in its log: resumed before it, the stream would get it on every reconnect
        await().until(() -> received.size() == 2);
        assertThat(receivedIds()).containsExactly(first, third);
        assertThat(SIM.simulator().requests(Vendor.AIDENID).get(1).lastEventId()).isEqualTo(oversized);
        assertThat(reported).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("dropped event '" + oversized + "'"));
    }

    private static void publish(int count) {
        for (int i = 0; i < count; i++) {
            SIM.aidenId().publishExtractionCompleted(IDENTITY);
        }
    }
}
