/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelsse.component.sse.LogCapture;
import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.ScriptStart;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The watch set's repository cannot be read when the watch route starts (its database is down): the route starts all
 * the same, DOWN and streaming nothing, reads the set again with backoff until it can, then opens its sessions. A
 * route that stops meanwhile leaves nothing behind.
 */
class PredicateWatchUnreadableRepositoryTest extends PredicateWatchTestSupport {

    private static final String DB_PASSWORD = "Canary-Db-Pw-7731";
    private static final String URI = watchUri("watchRepository=#watchRepository&maxConnectsPerSecond=0"
                                               + "&maxReconnectDelay=100&unhealthyAfter=1");

    private final UnreadableWatchRepository repository = new UnreadableWatchRepository();

    @Test
    void aRepositoryThatCannotBeReadAtStartIsReadAgainUntilItCanAndThenItsSessionsOpen() throws Exception {
        List<PredicateSession> sessions = SIM.predicate().createSessions(3, b -> b.scriptStart(ScriptStart.MANUAL));
        sessions.forEach(s -> repository.stored.add("default", new WatchedSession(s.id(), "individual", null)));
        repository.failing = true;

        try (LogCapture log = new LogCapture()) {
            startContext(URI, "watchRepository", repository);
            assertThat(context.getRouteController().getRouteStatus("watch")).isEqualTo(ServiceStatus.Started);
            await().until(() -> repository.failedLoads.get() >= 3);

            HealthCheck.Result health = consumer().getHealthCheck().call();
            assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(health.getMessage()).hasValueSatisfying(message -> assertThat(message)
                    .startsWith("Watch set 'default' could not be read from its repository yet: SQLException:")
                    .contains("Connection refused").contains("; trying again (").endsWith(" attempts so far)"));
            assertThat(health.getDetails()).containsKey("watch.load.attempts")
                    .containsEntry(PredicateWatchHealthCheck.DETAIL_SESSIONS, 0);
            assertThat(HealthCheckHelper.invokeReadiness(context)).as("the check is registered")
                    .anyMatch(result -> result.getState() == HealthCheck.State.DOWN
                                        && result.getMessage().orElse("").contains("could not be read"));
            assertThat(SIM.requests()).isEmpty();

            repository.failing = false;
            await().until(() -> received.size() == 3);
            for (PredicateSession session : sessions) {
                assertThat(statusesOf(session.id())).containsExactly("pending");
            }
            assertThat(consumer().getHealthCheck().call().getState()).isEqualTo(HealthCheck.State.UP);
            sessions.get(0).complete();
            await().until(() -> statusesOf(sessions.get(0).id()).equals(List.of("pending", "completed")));
            await().until(() -> retryThreads().isEmpty());

            List<String> lines = log.lines();
            assertThat(lines.stream().filter(l -> l.startsWith("WARN io.camelsse.component"))).singleElement()
                    .satisfies(warn -> assertThat(warn).contains("watch set 'default' could not be read from its"
                                                                 + " repository: SQLException"));
            assertThat(lines).anyMatch(l -> l.startsWith("INFO") && l.contains(
                    "watch set 'default' was read from its repository after"));
            assertThat(lines).anyMatch(l -> l.contains("Route 'watch' watches 3 Predicate session(s)"));
            assertThat(lines).noneMatch(l -> l.contains(DB_PASSWORD));
            assertThat(health.getMessage().orElseThrow() + health.getDetails()).doesNotContain(DB_PASSWORD);
        }
        // the repository's failures are neither the route's errors nor a session's
        assertThat(reported).isEmpty();
    }

    @Test
    void aRouteStoppedWhileTheRepositoryCannotBeReadLeavesNoThreadAndALaterRecoveryOpensNothing() throws Exception {
        List<PredicateSession> sessions = SIM.predicate().createSessions(2, b -> b.scriptStart(ScriptStart.MANUAL));
        sessions.forEach(s -> repository.stored.add("default", new WatchedSession(s.id(), "individual", null)));
        repository.failing = true;
        startContext(URI, "watchRepository", repository);
        await().until(() -> repository.failedLoads.get() >= 2);
        assertThat(retryThreads()).isNotEmpty();

        context.getRouteController().stopRoute("watch");
        await().until(() -> retryThreads().isEmpty());
        int loadsAtStop = repository.loads.get();
        repository.failing = false;

        await().during(Duration.ofMillis(500))
                .until(() -> repository.loads.get() == loadsAtStop && SIM.requests().isEmpty() && received.isEmpty());
        assertThat(watchSet().size()).isZero();

        // and the route, started again, reads the set and streams it
        context.getRouteController().startRoute("watch");
        await().until(() -> received.size() == 2);
    }

    @Test
    void aReadThatEndsWhileTheRouteStopsOpensNothing() throws Exception {
        PredicateSession session = SIM.predicate().createSessions(1, b -> b.scriptStart(ScriptStart.MANUAL)).get(0);
        repository.stored.add("default", new WatchedSession(session.id(), "individual", null));
        repository.failing = true;
        startContext(URI, "watchRepository", repository);
        await().until(() -> repository.failedLoads.get() >= 1);

        // the next read hangs, as on a database that accepts the connection but does not answer, and then succeeds
        repository.hold = true;
        repository.failing = false;
        await().until(() -> repository.held.getCount() == 0);
        CompletableFuture<Void> stop = stopRouteAsync();
        try {
            // the stop interrupted the read, which goes on regardless, and did not wait for it
            await().until(() -> repository.interruptedWhileHeld.getCount() == 0);
            await().until(stop::isDone);
            stop.get();
            assertThat(repository.held.getCount()).isZero();
            assertThat(retryThreads()).as("the read still hangs").isNotEmpty();
        } finally {
            repository.release.countDown();
        }

        await().until(() -> retryThreads().isEmpty());
        await().during(Duration.ofMillis(500)).until(() -> SIM.requests().isEmpty() && received.isEmpty());
        assertThat(consumer().sessions()).isEmpty();
    }

    @Test
    void aSessionAddedWhileTheSetIsBeingReadIsOpenedWithTheOthers() throws Exception {
        List<PredicateSession> sessions = SIM.predicate().createSessions(2, b -> b.scriptStart(ScriptStart.MANUAL));
        repository.stored.add("default", new WatchedSession(sessions.get(0).id(), "individual", null));
        repository.failing = true;
        startContext(URI, "watchRepository", repository);
        await().until(() -> repository.failedLoads.get() >= 1);

        // the consumer's next read answers slowly, with what the database held when asked; a producer adds meanwhile
        repository.holdOnlyOnThreadsNamed = "PredicateWatchLoad";
        repository.hold = true;
        repository.failing = false;
        await().until(() -> repository.held.getCount() == 0);
        add(sessions.get(1).id());
        repository.release.countDown();

        // the answer missed the add, so it is not taken: the set is read again, and both sessions open
        await().until(() -> received.size() == 2);
        assertThat(statusesOf(sessions.get(1).id())).containsExactly("pending");
        assertThat(consumer().sessions()).hasSize(2);
        assertThat(watchSet().size()).isEqualTo(2);
    }

    @Test
    void aRefreshThatHangsDoesNotHoldTheStop() throws Exception {
        PredicateSession session = SIM.predicate().createSessions(1, b -> b.scriptStart(ScriptStart.MANUAL)).get(0);
        repository.stored.add("default", new WatchedSession(session.id(), "individual", null));
        startContext(URI + "&watchRefreshInterval=50", "watchRepository", repository);
        await().until(() -> received.size() == 1);

        // the next refresh hangs, as on a database that accepts the connection but does not answer
        repository.hold = true;
        await().until(() -> repository.held.getCount() == 0);
        CompletableFuture<Void> stop = stopRouteAsync();
        try {
            await().until(stop::isDone);
            stop.get();
            assertThat(context.getRouteController().getRouteStatus("watch")).isEqualTo(ServiceStatus.Stopped);
        } finally {
            repository.release.countDown();
        }
        await().until(() -> threadsNamed("PredicateWatchRefresh").isEmpty());
        assertThat(consumer().sessions()).isEmpty();
    }

    @Test
    void aSessionAddedOnThisNodeWhileTheSetCannotBeReadIsOpenedOnceWhenItCanBe() throws Exception {
        List<PredicateSession> sessions = SIM.predicate().createSessions(3, b -> b.scriptStart(ScriptStart.MANUAL));
        repository.stored.add("default", new WatchedSession(sessions.get(0).id(), "individual", null));
        repository.failing = true;
        startContext(URI, "watchRepository", repository);
        await().until(() -> repository.failedLoads.get() >= 1);

        // while nothing can be read, a producer cannot judge the set either: the exchange fails, nothing changes
        assertThatThrownBy(() -> add(sessions.get(1).id())).isInstanceOf(CamelExecutionException.class)
                .hasRootCauseInstanceOf(ConnectException.class);
        assertThat(repository.stored.load("default")).hasSize(1);

        // the producer's reads succeed again before the consumer's: the session is written, not opened yet
        repository.failingOnlyOnThreadsNamed = "PredicateWatchLoad";
        add(sessions.get(2).id());
        assertThat(repository.stored.load("default")).hasSize(2);
        await().during(Duration.ofMillis(300)).until(() -> SIM.requests().isEmpty());

        repository.failing = false;
        await().until(() -> received.size() == 2);
        await().during(Duration.ofMillis(500)).until(() -> SIM.requests().size() == 2 && received.size() == 2);
        assertThat(statusesOf(sessions.get(0).id())).containsExactly("pending");
        assertThat(statusesOf(sessions.get(2).id())).containsExactly("pending");
        assertThat(consumer().sessions()).hasSize(2);

        // and the set is the streaming consumer's again: an add opens at once
        add(sessions.get(1).id());
        await().until(() -> statusesOf(sessions.get(1).id()).equals(List.of("pending")));
    }

    @Test
    void aSecondRouteOnTheSetIsRefusedWhileTheFirstCannotReadIt() throws Exception {
        repository.failing = true;
        startContext(URI, "watchRepository", repository);
        await().until(() -> repository.failedLoads.get() >= 1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("predicate-sse:watch?reconnectDelay=20").routeId("second").autoStartup(false).to("log:x");
            }
        });

        assertThatThrownBy(() -> context.getRouteController().startRoute("second"))
                .hasStackTraceContaining("already consumed by route 'watch'");
        // the first route goes on trying
        int failedBefore = repository.failedLoads.get();
        await().until(() -> repository.failedLoads.get() > failedBefore);
        assertThat(context.getRouteController().getRouteStatus("watch")).isEqualTo(ServiceStatus.Started);
    }

    private CompletableFuture<Void> stopRouteAsync() {
        return CompletableFuture.runAsync(() -> {
            try {
                context.getRouteController().stopRoute("watch");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static List<String> retryThreads() {
        return threadsNamed("PredicateWatchLoad");
    }

    private static List<String> threadsNamed(String part) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.contains(part)).toList();
    }

    /** A repository whose database is down while the test says so: its reads fail as a JDBC driver's would. */
    static final class UnreadableWatchRepository implements WatchRepository {

        final MemoryWatchRepository stored = new MemoryWatchRepository();
        volatile boolean failing;
        // null: every read fails; else only those on threads whose name contains this
        volatile String failingOnlyOnThreadsNamed;
        volatile boolean hold;
        // null: every read holds; else only those on threads whose name contains this
        volatile String holdOnlyOnThreadsNamed;
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch interruptedWhileHeld = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger loads = new AtomicInteger();
        final AtomicInteger failedLoads = new AtomicInteger();

        @Override
        public List<WatchedSession> load(String watchName) throws SQLException {
            loads.incrementAndGet();
            // what the database holds when it is asked, whenever the answer comes
            List<WatchedSession> answer = stored.load(watchName);
            if (hold && onThreadNamed(holdOnlyOnThreadsNamed)) {
                holdUntilReleased();
            }
            if (failing && onThreadNamed(failingOnlyOnThreadsNamed)) {
                failedLoads.incrementAndGet();
                // some drivers quote the URL they were given, password and all
                throw new SQLException("Connection is broken: jdbc:h2:tcp://127.0.0.1:9092/watch;USER=sa;PASSWORD="
                                       + DB_PASSWORD, "08001", new ConnectException("Connection refused"));
            }
            return answer;
        }

        private static boolean onThreadNamed(String part) {
            return part == null || Thread.currentThread().getName().contains(part);
        }

        @Override
        public void add(String watchName, WatchedSession session) {
            stored.add(watchName, session);
        }

        @Override
        public void delivered(String watchName, String sessionId, String statusJson) {
            stored.delivered(watchName, sessionId, statusJson);
        }

        @Override
        public void remove(String watchName, String sessionId) {
            stored.remove(watchName, sessionId);
        }

        private void holdUntilReleased() {
            held.countDown();
            boolean interrupted = false;
            while (true) {
                try {
                    release.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    interruptedWhileHeld.countDown();
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
