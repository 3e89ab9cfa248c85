/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.chaos;

import io.camelsse.simulator.Fault;
import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.ScriptStart;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.Vendor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chaos suite: every scenario runs all three components in one Camel context against the simulator while it
 * misbehaves, then checks that no AidenID event was lost, duplicated or reordered, that every Predicate session
 * delivered its final status and that no stream ended; the last test checks that threads, file descriptors and heap
 * are back to where they were. See docs/reliability.md.
 * <p>
 * Short form by default (one round of each scenario); {@code -Dchaos.duration=10m} repeats each scenario for its
 * share of that time. {@code -Dchaos.seed=...} replays a run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChaosSuiteTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    private static final int RESTART_STREAMS = 3000;

    private static final ChaosSettings SETTINGS = ChaosSettings.fromSystemProperties();
    private static final ChaosLedger LEDGER = new ChaosLedger();
    private static SseSimulator sim;
    private static long startNanos;
    private static java.util.Set<String> baselineThreads;

    @BeforeAll
    static void startSimulator() {
        System.out.println("chaos run: " + SETTINGS + " (replay with -Dchaos.seed=" + SETTINGS.seed + ")");
        startNanos = System.nanoTime();
        // a short server retry: reconnects are quick and still come from the stream, as in production
        sim = SseSimulator.builder().keepAliveInterval(Duration.ofMillis(500)).aidenIdRetry(Duration.ofMillis(100))
                .build().start();
        LEDGER.threadsBaseline = ProcessResources.liveThreads();
        baselineThreads = ProcessResources.threadNames();
        LEDGER.fdsBaseline = ProcessResources.openFileDescriptors();
        LEDGER.heapBaselineMb = ProcessResources.heapUsedAfterGc() >> 20;
    }

    @AfterAll
    static void summary() {
        if (sim != null) {
            sim.close();
        }
        System.out.println(LEDGER.summary(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos), SETTINGS));
    }

    // ---- 1. random drops -----------------------------------------------------------------------

    @Test
    @Order(1)
    void randomDropsMidEvent() throws Exception {
        rounds(1, "random drops", seed -> {
            // faults are planned when a connection is accepted: set them before the streams connect
            sim.faults().random(seed, 0.03);
            try (ChaosRig rig = standardRig(seed).build()) {
                rig.start();
                rig.awaitAllAccepted(CATCH_UP);
                publishAndWait(SETTINGS.scaled(100), SETTINGS.scaled(500));
                sim.faults().clear();
                rig.assertCaughtUpAndSafe("random drops", CATCH_UP, LEDGER);
            }
        });
    }

    // ---- 2. 5xx and 429 with Retry-After ---------------------------------------------------------

    @Test
    @Order(2)
    void serverErrorsAndRateLimitsWithRetryAfter() throws Exception {
        rounds(2, "5xx and 429", seed -> {
            sim.faults().random(seed, 0.05);
            try (ChaosRig rig = standardRig(seed).build()) {
                rig.start();
                rig.awaitAllAccepted(CATCH_UP);
                long connectionsBefore = sim.stats().connections();
                try (Publisher publisher = Publisher.start(sim, SETTINGS.scaled(80), SETTINGS.scaled(400), Duration.ofSeconds(60))) {
                    for (int tick = 0; tick < 200 && publisher.isRunning(); tick++) {
                        sim.faults()
                                .nextStream(Fault.serviceUnavailable(Duration.ofSeconds(1)))
                                .nextStream(Fault.status(429).retryAfter(Duration.ofSeconds(1)))
                                .nextStream(Fault.internalServerError())
                                .nextStream(Fault.status(502))
                                .nextStream(Fault.status(504).retryAfter(java.time.Instant.now().plusSeconds(1)));
                        pace(Duration.ofMillis(300));
                    }
                    publisher.awaitDone(Duration.ofSeconds(60));
                }
                sim.faults().clear();
                rig.assertCaughtUpAndSafe("5xx and 429", CATCH_UP, LEDGER);
                assertThat(sim.stats().connections() - connectionsBefore).as("reconnect attempts").isGreaterThan(rig.streams());
            }
        });
    }

    // ---- 3. slow writes ----------------------------------------------------------------------------

    @Test
    @Order(3)
    void slowWrites() throws Exception {
        rounds(3, "slow writes", seed -> {
            sim.faults().always(Fault.slowWrites(32, Duration.ofMillis(2))).random(seed, 0.01);
            try (ChaosRig rig = standardRig(seed).build()) {
                rig.start();
                rig.awaitAllConnected(CATCH_UP);
                publishAndWait(SETTINGS.scaled(30), SETTINGS.scaled(150));
                sim.faults().clear();
                rig.assertCaughtUpAndSafe("slow writes", CATCH_UP, LEDGER);
            }
        });
    }

    // ---- 4. silent streams -----------------------------------------------------------------------

    @Test
    @Order(4)
    void silentStreamsTimeOutAndRecover() throws Exception {
        rounds(4, "silent streams", seed -> {
            sim.keepAliveInterval(Duration.ofMillis(200));
            // every connection goes silent for longer than the read timeout, until the faults are cleared
            sim.faults().always(Fault.stall(Duration.ofSeconds(3)));
            try (ChaosRig rig = standardRig(seed).streamOptions("reconnectDelay=50&maxReconnectDelay=500&readTimeout=1000")
                    .build()) {
                rig.start();
                rig.awaitAllConnected(CATCH_UP);
                long connectionsBefore = sim.stats().connections();
                publishAndWait(SETTINGS.scaled(50), SETTINGS.scaled(150));
                await("a read timeout on every stream").atMost(Duration.ofSeconds(10))
                        .until(() -> sim.stats().connections() - connectionsBefore >= rig.streams());
                sim.faults().clear();
                rig.assertCaughtUpAndSafe("silent streams", CATCH_UP, LEDGER);
            }
        });
    }

    // ---- 5. server restart with 3,000 streams -------------------------------------------------------

    @Test
    @Order(5)
    void serverRestartWithThreeThousandStreams() throws Exception {
        rounds(5, "server restart", seed -> {
            int streams = SETTINGS.scaled(RESTART_STREAMS);
            int predicate = 20;
            try (ChaosRig rig = ChaosRig.builder(sim, seed).aidenIdOptions("lastEventId=evt_000000")
                    .predicateRoutes(predicate, ScriptStart.MANUAL).sseRoutes(streams - predicate - 1)
                    .streamOptions("reconnectDelay=100&maxReconnectDelay=2000").build()) {
                rig.start();
                rig.awaitAllConnected(Duration.ofSeconds(60));
                for (int i = 0; i < 5; i++) {
                    Publisher.publishOne(sim, i);
                }
                sim.restart(Duration.ofSeconds(1));
                LEDGER.serverRestarts.incrementAndGet();
                for (int i = 5; i < 10; i++) {
                    Publisher.publishOne(sim, i);
                }
                long reconnecting = System.nanoTime();
                try {
                    await("all " + streams + " streams connected again after the restart (seed " + seed + ")")
                            .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                            .until(() -> sim.stats().openStreams() >= streams);
                } finally {
                    System.out.println("chaos server restart: " + sim.stats().openStreams() + " of " + streams
                                       + " streams open again after "
                                       + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - reconnecting) + " ms; ended: "
                                       + summarize(rig.endedStreams()));
                }
                assertThat(rig.endedStreams()).as("streams that ended (seed " + seed + ")").isEmpty();
                SplittableRandom random = new SplittableRandom(seed);
                for (PredicateSession session : rig.predicateSessions.values()) {
                    if (random.nextBoolean()) {
                        session.complete();
                    } else {
                        session.reject();
                    }
                }
                rig.assertCaughtUpAndSafe("server restart", CATCH_UP, LEDGER);
            }
        });
    }

    // ---- 6. route stop/start loops --------------------------------------------------------------------

    @Test
    @Order(6)
    void routeStopStartLoopsWhileEventsFlow() throws Exception {
        rounds(6, "route stop/start", seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            try (ChaosRig rig = standardRig(seed).build()) {
                rig.start();
                rig.awaitAllConnected(CATCH_UP);
                int loops = SETTINGS.scaled(60);
                for (int i = 0; i < loops; i++) {
                    if (i > 0) {
                        rig.context.getRouteController().startRoute(ChaosRig.AIDENID_ROUTE);
                    }
                    Publisher.publishOne(sim, i);
                    // the stop must land while the event is on its way or in the route
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(random.nextInt(2001)));
                    rig.context.getRouteController().stopRoute(ChaosRig.AIDENID_ROUTE, 10, TimeUnit.SECONDS);
                    LEDGER.routeRestarts.incrementAndGet();
                }
                rig.context.getRouteController().startRoute(ChaosRig.AIDENID_ROUTE);
                rig.assertCaughtUpAndSafe("route stop/start", CATCH_UP, LEDGER);
            }
        });
    }

    // ---- 7. context restarts ------------------------------------------------------------------------

    @Test
    @Order(7)
    void contextRestartsWhileEventsFlow() throws Exception {
        rounds(7, "context restarts", seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            try (ChaosRig rig = standardRig(seed).build()) {
                rig.start();
                rig.awaitAllConnected(CATCH_UP);
                try (Publisher publisher = Publisher.start(sim, SETTINGS.scaled(80), SETTINGS.scaled(500), Duration.ofSeconds(60))) {
                    for (int i = 0; i < 3 && publisher.isRunning(); i++) {
                        pace(Duration.ofMillis(500 + random.nextInt(1000)));
                        rig.restartContext(Duration.ofMillis(random.nextInt(200)));
                        LEDGER.contextRestarts.incrementAndGet();
                    }
                    publisher.awaitDone(Duration.ofSeconds(60));
                }
                rig.assertCaughtUpSinceLastStart("context restarts", CATCH_UP, LEDGER);
            }
        });
    }

    // ---- 8. kill -9 -----------------------------------------------------------------------------------

    @Test
    @Order(8)
    void killNineLosesNothingAndRepeatsAtMostTheEventInFlight(@TempDir Path dir) throws Exception {
        rounds(8, "kill -9", seed -> {
            File repository = dir.resolve("positions-" + seed + ".txt").toFile();
            File processed = dir.resolve("processed-" + seed + ".txt").toFile();
            Process first = startChild(repository, processed, dir.resolve("child1-" + seed + ".log").toFile());
            int linesAtKill;
            try (Publisher publisher = awaitChildConnectedThenPublish(first, SETTINGS.scaled(200), SETTINGS.scaled(2000))) {
                await("the first child processes events").atMost(CATCH_UP).until(() -> lines(processed).size() >= 100);
                first.destroyForcibly();
                assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
                LEDGER.kills.incrementAndGet();
                linesAtKill = lines(processed).size();
                Process second = startChild(repository, processed, dir.resolve("child2-" + seed + ".log").toFile());
                try {
                    await("the second child connected").atMost(CATCH_UP).until(() -> sim.stats().openStreams(Vendor.AIDENID) == 1);
                    publisher.awaitDone(Duration.ofSeconds(60));
                    List<String> published = new ArrayList<>();
                    sim.aidenId().events().forEach(e -> published.add(e.id()));
                    await("the second child caught up (seed " + seed + ")").atMost(CATCH_UP)
                            .until(() -> lines(processed).contains(published.get(published.size() - 1)));
                    List<String> delivered = lines(processed);
                    ExactlyOnceCheck check = ExactlyOnceCheck.of("aidenid-sse across kill -9", published, delivered);
                    LEDGER.countAidenId(check);
                    String where = "kill -9 (seed " + seed + ", " + linesAtKill + " processed before the kill): " + check;
                    assertThat(check.lostIds()).as(where).isEmpty();
                    assertThat(check.outOfOrderIds()).as(where).isEmpty();
                    assertThat(check.unknownIds()).as(where).isEmpty();
                    assertThat(check.duplicatedIds()).as(where).hasSizeLessThanOrEqualTo(1);
                    if (check.duplicated() == 1) {
                        assertThat(check.duplicatedIds().get(0)).as(where + ": only the event in flight may come again")
                                .isEqualTo(delivered.get(linesAtKill - 1)).isEqualTo(delivered.get(linesAtKill));
                    }
                } finally {
                    second.destroyForcibly();
                    second.waitFor(10, TimeUnit.SECONDS);
                }
            } finally {
                first.destroyForcibly();
            }
        });
    }

    // ---- resources --------------------------------------------------------------------------------------

    @Test
    @Order(9)
    void threadsDescriptorsAndHeapBackToBaseline() {
        try {
            // a timeout here falls through to the assertions below, whose messages name what is left
            await("threads and file descriptors back to their baseline").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        // JDK 17's HttpClient lets its selector thread go only once the client is collected
                        System.gc();
                        LEDGER.threadsAfter = ProcessResources.liveThreads();
                        LEDGER.fdsAfter = ProcessResources.openFileDescriptors();
                        // a client's connections go with its selector thread, which notices only after a while
                        LEDGER.heapAfterMb = ProcessResources.heapUsedAfterGc() >> 20;
                        return LEDGER.threadsAfter <= LEDGER.threadsBaseline + 5 && LEDGER.fdsAfter <= LEDGER.fdsBaseline + 20
                               && LEDGER.heapAfterMb <= LEDGER.heapBaselineMb + 128;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException stillAbove) {
            // reported below with the details
        }
        assertThat(LEDGER.threadsAfter).as("live threads, baseline " + LEDGER.threadsBaseline + "; new since: "
                                            + ProcessResources.threadsNotIn(baselineThreads))
                .isLessThanOrEqualTo(LEDGER.threadsBaseline + 5);
        assertThat(LEDGER.fdsAfter).as("open file descriptors, baseline " + LEDGER.fdsBaseline).isLessThanOrEqualTo(LEDGER.fdsBaseline + 20);
        assertThat(LEDGER.heapAfterMb).as("heap after GC in MB, baseline " + LEDGER.heapBaselineMb).isLessThanOrEqualTo(LEDGER.heapBaselineMb + 128);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /** What one round of a scenario does, with its seed. */
    @FunctionalInterface
    interface Round {
        void run(long seed) throws Exception;
    }

    /** One round in the short form; in a long run, rounds until the scenario's share of the time is used. */
    private static void rounds(int scenario, String name, Round round) throws Exception {
        long sliceEnd = System.nanoTime() + SETTINGS.sliceOfEachScenario().toNanos();
        int n = 0;
        do {
            long seed = SETTINGS.seedOf(scenario, n);
            long start = System.nanoTime();
            sim.reset();
            try {
                round.run(seed);
            } finally {
                sim.faults().clear();
                LEDGER.rounds.incrementAndGet();
                System.out.println("chaos scenario " + scenario + " (" + name + ") round " + n + " seed " + seed + ": "
                                   + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
            }
            n++;
        } while (System.nanoTime() < sliceEnd);
    }

    private static ChaosRig.Builder standardRig(long seed) {
        return ChaosRig.builder(sim, seed).aidenIdOptions("lastEventId=evt_000000")
                .predicateRoutes(SETTINGS.scaled(10), ScriptStart.ON_FIRST_CONNECTION).sseRoutes(SETTINGS.scaled(3));
    }

    private static void publishAndWait(int eventsPerSecond, int events) {
        try (Publisher publisher = Publisher.start(sim, eventsPerSecond, events, Duration.ofSeconds(60))) {
            publisher.awaitDone(Duration.ofSeconds(60));
        }
    }

    /** A pause that makes load or spaces out faults; nothing is waited for. */
    private static void pace(Duration pause) {
        LockSupport.parkNanos(pause.toNanos());
    }

    private static String summarize(List<String> ended) {
        return ended.size() + (ended.isEmpty() ? "" : " e.g. " + ended.subList(0, Math.min(5, ended.size())));
    }

    private static Process startChild(File repository, File processed, File log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-Djava.net.preferIPv4Stack=true",
                "-cp", System.getProperty("java.class.path"), ChildAidenIdRoute.class.getName(),
                sim.baseUrl(), repository.getAbsolutePath(), processed.getAbsolutePath())
                .redirectErrorStream(true).redirectOutput(log).start();
    }

    private static Publisher awaitChildConnectedThenPublish(Process child, int eventsPerSecond, int events) {
        await("the first child connected").atMost(CATCH_UP)
                .until(() -> !child.isAlive() || sim.stats().openStreams(Vendor.AIDENID) == 1);
        assertThat(child.isAlive()).as("the child JVM runs").isTrue();
        return Publisher.start(sim, eventsPerSecond, events, Duration.ofSeconds(60));
    }

    private static List<String> lines(File file) throws IOException {
        if (!file.exists()) {
            return List.of();
        }
        List<String> all = Files.readAllLines(file.toPath());
        // a line cut by the kill has no line end yet: readAllLines still returns it, so keep only IDs that look whole
        return all.stream().filter(l -> l.matches("evt_\\d{6,}")).toList();
    }
}
