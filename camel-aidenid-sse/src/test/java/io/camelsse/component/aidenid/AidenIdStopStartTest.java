/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.camelsse.simulator.RecordedRequest;
import io.camelsse.simulator.Vendor;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping a route or a context while events flow loses and repeats nothing: an exchange that Camel refuses because
 * the route is stopping does not move the position, so the restarted route gets that event again.
 */
class AidenIdStopStartTest extends AidenIdRouteTestSupport {

    private static final int ROUNDS = 60;
    private static final String IDENTITY = "ident_a1b2c3d4e5";

    @Test
    void sixtyRouteRestartsWhileEventsFlowLoseAndRepeatNothing() throws Exception {
        route("r", aidenId("lastEventId=evt_000000"));
        context.getRouteController().stopRoute("r");

        runRounds(() -> context.getRouteController().startRoute("r"),
                () -> context.getRouteController().stopRoute("r", 10, TimeUnit.SECONDS));
        context.getRouteController().startRoute("r");

        assertCaughtUpExactly();
    }

    @Test
    void sixtyRouteRestartsWithAFileStateRepositoryLoseAndRepeatNothing(@TempDir Path dir) throws Exception {
        FileStateRepository positions = FileStateRepository.fileStateRepository(dir.resolve("positions").toFile());
        context.getRegistry().bind("positions", positions);
        route("r", aidenId("lastEventId=evt_000000&lastEventIdRepository=#positions"));
        context.getRouteController().stopRoute("r");

        runRounds(() -> context.getRouteController().startRoute("r"),
                () -> context.getRouteController().stopRoute("r", 10, TimeUnit.SECONDS));
        context.getRouteController().startRoute("r");

        assertCaughtUpExactly();
        String lastPublished = publishedIds().get(publishedIds().size() - 1);
        await().until(() -> lastPublished.equals(positions.getState("aidenid-sse/org_sim/proj_sim")));
    }

    /** A new context forgets what the last one held in memory: the repository is what carries the position over. */
    @Test
    void sixtyContextRestartsWithAFileStateRepositoryLoseAndRepeatNothing(@TempDir Path dir) throws Exception {
        FileStateRepository positions = FileStateRepository.fileStateRepository(dir.resolve("positions").toFile());
        context.getRegistry().bind("positions", positions);
        route("r", aidenId("lastEventId=evt_000000&lastEventIdRepository=#positions"));
        context.stop();

        // a stopped context lets go of the beans bound to it
        Step start = () -> {
            bindRecordingHandler(context);
            context.getRegistry().bind("positions", positions);
            context.start();
        };
        runRounds(start, context::stop);
        start.run();

        assertCaughtUpExactly();
    }

    @Test
    void anExchangeRefusedWhileTheRouteStopsIsNotReportedAsAFailure() throws Exception {
        route("r", aidenId("lastEventId=evt_000000"));
        context.getRouteController().stopRoute("r");

        runRounds(() -> context.getRouteController().startRoute("r"),
                () -> context.getRouteController().stopRoute("r", 10, TimeUnit.SECONDS));
        context.getRouteController().startRoute("r");

        assertCaughtUpExactly();
        assertThat(reported).as("a stopping route is not a failed event").isEmpty();
    }

    /** Each round: start, publish one event, let it get a little way in (0 to 2 ms), stop. */
    private void runRounds(Step start, Step stop) throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < ROUNDS; round++) {
            start.run();
            SIM.aidenId().publishExtractionCompleted(IDENTITY);
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(random.nextInt(2001)));
            stop.run();
        }
    }

    private void assertCaughtUpExactly() {
        List<String> published = publishedIds();
        assertThat(published).hasSize(ROUNDS);
        String last = published.get(published.size() - 1);
        await().atMost(30, TimeUnit.SECONDS).until(() -> receivedIds().contains(last));
        List<String> received = receivedIds();
        int duplicated = received.size() - new LinkedHashSet<>(received).size();
        List<String> missing = published.stream().filter(id -> !received.contains(id)).toList();
        assertThat(missing).as("missing").isEmpty();
        assertThat(duplicated).as("duplicated; received %s; requests resumed after %s", received,
                SIM.simulator().requests(Vendor.AIDENID).stream().map(RecordedRequest::lastEventId).toList()).isZero();
        assertThat(received).containsExactlyElementsOf(published);
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }
}
