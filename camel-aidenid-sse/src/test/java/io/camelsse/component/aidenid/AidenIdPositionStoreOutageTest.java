/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelsse.component.sse.SharedLogResumeStrategy;
import io.camelsse.component.sse.UnreachableStateRepository;
import io.camelsse.component.sse.connection.StreamState;
import io.camelsse.component.sse.health.SseConsumerHealthCheck;
import io.camelsse.simulator.Vendor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.resume.Offset;
import org.apache.camel.resume.OffsetKey;
import org.apache.camel.support.resume.OffsetKeys;
import org.apache.camel.support.resume.Offsets;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store that holds the position cannot be read when the route starts (a database or a broker that is briefly
 * unreachable, as when a replica takes the leadership): the route starts all the same, connects to nothing, shows the
 * failure in its health check, and opens the stream after the stored position once the store answers. Starting from
 * an older position would skip the events in between; failing the start would, under {@code master:}, leave a leader
 * that streams nothing.
 */
class AidenIdPositionStoreOutageTest extends AidenIdRouteTestSupport {

    private static final String KEY = "aidenid-sse/org_sim/proj_sim";

    @Test
    void aRepositoryThatCannotBeReadDelaysTheStreamUntilItCanAndNothingIsSkipped() throws Exception {
        publish(4);
        UnreachableStateRepository store = new UnreachableStateRepository();
        store.setState(KEY, "evt_000002");
        store.setUnreachable(true);
        context.getRegistry().bind("positions", store);

        route("r", aidenId("lastEventIdRepository=#positions&unhealthyAfter=1"));

        await().until(() -> store.reads() >= 3);
        HealthCheck.Result health = consumer("r").getHealthCheck().call();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat((String) health.getDetails().get(SseConsumerHealthCheck.DETAIL_LAST_ERROR))
                .contains("lastEventIdRepository could not be read under '" + KEY + "'")
                .contains("database unreachable");
        assertThat(SIM.simulator().requests(Vendor.AIDENID)).as("no request before the position is known").isEmpty();

        store.setUnreachable(false);
        await().until(() -> received.size() == 2);
        assertThat(receivedIds()).containsExactly("evt_000003", "evt_000004");
        assertThat(SIM.simulator().requests(Vendor.AIDENID).get(0).lastEventId()).isEqualTo("evt_000002");
        await().until(() -> consumer("r").getHealthCheck().call().getState() == HealthCheck.State.UP);
        assertThat(reported).as("an outage of the store is no failed exchange").isEmpty();
    }

    @Test
    void aRouteRestartedWhileTheRepositoryIsUnreachableWaitsForItInsteadOfGoingOnFromMemory() throws Exception {
        UnreachableStateRepository store = new UnreachableStateRepository();
        context.getRegistry().bind("positions", store);
        route("r", aidenId("lastEventIdRepository=#positions&unhealthyAfter=1"));
        awaitConnected("r");
        publish(1);
        await().until(() -> received.size() == 1);
        context.getRouteController().stopRoute("r");
        // another replica went on meanwhile, and the store is out of reach when this route starts again
        store.setState(KEY, "evt_000002");
        publish(3);
        store.setUnreachable(true);
        int requestsBefore = SIM.simulator().requests(Vendor.AIDENID).size();

        // the endpoint remembers evt_000001 as this route's last completed event: the store's evt_000002 must win
        context.getRouteController().startRoute("r");
        await().until(() -> store.reads() >= 4);
        assertThat(consumer("r").streamStatus().state()).isEqualTo(StreamState.RECONNECTING);
        assertThat(consumer("r").getHealthCheck().call().getState()).isEqualTo(HealthCheck.State.DOWN);
        consumer("r").reconnect();
        assertThat(SIM.simulator().requests(Vendor.AIDENID)).hasSize(requestsBefore);

        store.setUnreachable(false);
        await().until(() -> received.size() == 3);
        assertThat(receivedIds()).containsExactly("evt_000001", "evt_000003", "evt_000004");
    }

    @Test
    void reconnectAfterTheWaitGaveUpReadsThePositionAgainAndOpensTheStream() throws Exception {
        publish(3);
        UnreachableStateRepository store = new UnreachableStateRepository();
        store.setState(KEY, "evt_000001");
        store.setUnreachable(true);
        context.getRegistry().bind("positions", store);
        route("r", aidenId("lastEventIdRepository=#positions&maxReconnectAttempts=1"));
        await().until(() -> consumer("r").streamStatus().state() == StreamState.FAILED);
        await().until(() -> positionReadThreads().isEmpty());
        assertThat(reported).as("the give-up, reported once").hasSize(1);

        // the permanent-failure report and the JMX operation promise that reconnect() serves once the cause is fixed
        store.setUnreachable(false);
        consumer("r").reconnect();

        await().until(() -> received.size() == 2);
        assertThat(receivedIds()).containsExactly("evt_000002", "evt_000003");
        assertThat(SIM.simulator().requests(Vendor.AIDENID).get(0).lastEventId()).isEqualTo("evt_000001");
        await().until(() -> positionReadThreads().isEmpty());
    }

    @Test
    void reconnectWhileWaitingOutALongBackoffReadsThePositionAtOnce() throws Exception {
        publish(2);
        UnreachableStateRepository store = new UnreachableStateRepository();
        store.setState(KEY, "evt_000001");
        store.setUnreachable(true);
        context.getRegistry().bind("positions", store);
        // the next read is due in 30 s at the earliest: longer than the test waits
        route("r", aidenId("lastEventIdRepository=#positions").replace("reconnectDelay=20&maxReconnectDelay=200",
                "reconnectDelay=60000&maxReconnectDelay=60000"));
        await().until(() -> consumer("r").streamStatus() != null
                            && consumer("r").streamStatus().state() == StreamState.RECONNECTING);

        store.setUnreachable(false);
        consumer("r").reconnect();

        await().until(() -> received.size() == 1);
        assertThat(receivedIds()).containsExactly("evt_000002");
        assertThat(reported).isEmpty();
    }

    @Test
    void aWaitThatGaveUpCountsAsAPermanentFailure() throws Exception {
        UnreachableStateRepository store = new UnreachableStateRepository();
        store.setUnreachable(true);
        context.getRegistry().bind("positions", store);
        route("r", aidenId("lastEventIdRepository=#positions&maxReconnectAttempts=2"));

        await().until(() -> consumer("r").isPermanentlyFailed());
        // what an alert on camel.sse.permanent.failures, or on the JMX attribute, sees
        await().until(() -> consumer("r").getPermanentFailures() == 1);
        assertThat(consumer("r").streamSnapshot().permanentFailures()).isEqualTo(1);
    }

    @Test
    void aRouteStoppedWhileTheRepositoryIsUnreachableLeavesNoThreadAndOpensNothing() throws Exception {
        UnreachableStateRepository store = new UnreachableStateRepository();
        store.setUnreachable(true);
        context.getRegistry().bind("positions", store);
        route("r", aidenId("lastEventIdRepository=#positions"));
        await().until(() -> store.reads() >= 2);
        assertThat(positionReadThreads()).isNotEmpty();

        AidenIdSseConsumer stopped = consumer("r");
        context.getRouteController().stopRoute("r");
        store.setUnreachable(false);
        assertThat(stopped.streamStatus().state()).as("what JMX shows of the stopped consumer")
                .isEqualTo(StreamState.STOPPED);

        await().until(() -> positionReadThreads().isEmpty());
        int readsAfterStop = store.reads();
        route("other", aidenId(""));
        awaitConnected("other");
        publish(1);
        await().until(() -> received.size() == 1);
        assertThat(store.reads()).isEqualTo(readsAfterStop);
        assertThat(SIM.simulator().requests(Vendor.AIDENID)).as("only the other route's").hasSize(1);
    }

    @Test
    void aResumeStrategyWhoseStoreRefusesTheStartMarkerDelaysTheStreamUntilItTakesIt() throws Exception {
        publish(3);
        SharedLogResumeStrategy.Log log = new SharedLogResumeStrategy.Log();
        UnreachableLogStrategy strategy = new UnreachableLogStrategy(log);
        // the position a replica wrote before this one took over
        strategy.updateLastOffset(OffsetKeys.of(KEY), Offsets.of("evt_000001"));
        strategy.unreachable = true;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(aidenId("resumeReadTimeout=2000")).routeId("r")
                        .resumable().resumeStrategy(strategy)
                        .process(received::add);
            }
        });

        await().until(() -> strategy.refused >= 2);
        assertThat((String) consumer("r").getHealthCheck().call().getDetails()
                .get(SseConsumerHealthCheck.DETAIL_LAST_ERROR))
                .contains("could not write a start marker").contains("broker unreachable");
        assertThat(SIM.simulator().requests(Vendor.AIDENID)).isEmpty();

        strategy.unreachable = false;
        await().until(() -> received.size() == 2);
        assertThat(receivedIds()).containsExactly("evt_000002", "evt_000003");
    }

    @Test
    void aResumeStrategyThatBlocksOnTheStartMarkerHoldsTheStartNoLongerThanResumeReadTimeout() throws Exception {
        publish(3);
        SharedLogResumeStrategy.Log log = new SharedLogResumeStrategy.Log();
        BlockingLogStrategy strategy = new BlockingLogStrategy(log);
        strategy.updateLastOffset(OffsetKeys.of(KEY), Offsets.of("evt_000001"));
        strategy.blocking = true;
        CompletableFuture<Void> started = CompletableFuture.runAsync(() -> {
            try {
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(aidenId("resumeReadTimeout=300")).routeId("r")
                                .resumable().resumeStrategy(strategy)
                                .process(received::add);
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        // the start returns although the hand-over still blocks; the blocked call is interrupted, not left behind
        try {
            await().until(started::isDone);
        } catch (ConditionTimeoutException heldUp) {
            // a start that waits for the hand-over would hold the context's stop after this test
            strategy.release.countDown();
            throw heldUp;
        }
        started.get();
        await().until(() -> strategy.interrupted.getCount() == 0);
        await().until(() -> markerThreads().isEmpty());
        assertThat((String) consumer("r").getHealthCheck().call().getDetails()
                .get(SseConsumerHealthCheck.DETAIL_LAST_ERROR))
                .contains("did not take a start marker within 300 ms (resumeReadTimeout)");
        assertThat(SIM.simulator().requests(Vendor.AIDENID)).isEmpty();

        // the broker is back: the next read takes the marker, and the stream opens after the stored position
        await().until(() -> strategy.blockedCalls.get() >= 2);
        strategy.blocking = false;
        await().until(() -> received.size() == 2);
        assertThat(receivedIds()).containsExactly("evt_000002", "evt_000003");

        // and a stop while a read blocks leaves no thread either
        context.getRouteController().stopRoute("r");
        strategy.release = new CountDownLatch(1);
        strategy.blocking = true;
        context.getRouteController().startRoute("r");
        int blockedBefore = strategy.blockedCalls.get();
        await().until(() -> strategy.blockedCalls.get() > blockedBefore);
        context.getRouteController().stopRoute("r");
        try {
            await().until(() -> markerThreads().isEmpty() && positionReadThreads().isEmpty());
        } finally {
            strategy.release.countDown();
        }
    }

    private static List<Thread> positionReadThreads() {
        return threadsNamed("SsePositionRead");
    }

    private static List<Thread> markerThreads() {
        return threadsNamed("SseResumeMarker");
    }

    private static List<Thread> threadsNamed(String part) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().contains(part)).toList();
    }

    private static void publish(int count) {
        for (int i = 0; i < count; i++) {
            SIM.aidenId().publishIdentityCreated("ident_a1b2c3d4e5");
        }
    }


    /**
     * A shared log whose start marker writes block until interrupted while the test says so, as camel-kafka's producer
     * waits for a broker that is out of reach.
     */
    private static final class BlockingLogStrategy extends SharedLogResumeStrategy {
        volatile boolean blocking;
        final AtomicInteger blockedCalls = new AtomicInteger();
        final CountDownLatch interrupted = new CountDownLatch(1);
        volatile CountDownLatch release = new CountDownLatch(1);

        BlockingLogStrategy(Log log) {
            super(log);
        }

        @Override
        public void updateLastOffset(OffsetKey<?> key, Offset<?> offset, UpdateCallBack callback) {
            if (blocking) {
                blockedCalls.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    Thread.currentThread().interrupt();
                    callback.onUpdate(e);
                    return;
                }
            }
            super.updateLastOffset(key, offset, callback);
        }
    }

    /** A shared log whose writes fail, as a producer's whose broker is out of reach, while the test says so. */
    private static final class UnreachableLogStrategy extends SharedLogResumeStrategy {
        volatile boolean unreachable;
        volatile int refused;

        UnreachableLogStrategy(Log log) {
            super(log);
        }

        @Override
        public void updateLastOffset(OffsetKey<?> key, Offset<?> offset, UpdateCallBack callback) {
            if (unreachable) {
                refused++;
                callback.onUpdate(new IOException("broker unreachable"));
                return;
            }
            super.updateLastOffset(key, offset, callback);
        }
    }
}
