/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The streams of one event loop. Its lists are only touched on that event loop. AidenID events published
 * from any thread are queued here and written by one task; events that queue up while the loop is busy
 * are written to each stream in one write. Predicate session states are queued the same way, so a change
 * to thousands of sessions costs each loop one task, not one task per stream.
 */
final class Hub {

    private static final int MAX_BATCH_EVENTS = 1024;
    private static final int MAX_BATCH_BYTES = 256 * 1024;
    /** Predicate states written in one task before the loop gets to its other work. */
    private static final int MAX_SNAPSHOTS_PER_TASK = 4096;

    final SseSimulator sim;
    final Context ctx;
    private final ArrayList<SimulatedStream> all = new ArrayList<>();
    private final ArrayList<SimulatedStream> aiden = new ArrayList<>();
    private final ConcurrentLinkedQueue<AidenIdEvents.Logged> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Handler<Void> drainTask = v -> drain();
    private final ConcurrentLinkedQueue<SnapshotOffer> snapshots = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean snapshotDrainScheduled = new AtomicBoolean();
    private final Handler<Void> snapshotDrainTask = v -> drainSnapshots();
    private final long coalescingMillis;
    private long lastDrainNanos;
    private long keepAliveTimer = -1;
    private final IdentityHashMap<HttpConnection, ConnectionUse> connections = new IdentityHashMap<>();

    Hub(SseSimulator sim, Context ctx, long coalescingMillis) {
        this.sim = sim;
        this.ctx = ctx;
        this.coalescingMillis = coalescingMillis;
        this.lastDrainNanos = System.nanoTime() - coalescingMillis * 1_000_000L;
    }

    void add(SimulatedStream s) {
        s.allIndex = all.size();
        all.add(s);
        if (s.vendor == Vendor.AIDENID) {
            s.aidenIndex = aiden.size();
            aiden.add(s);
        }
    }

    /**
     * True when an HTTP/2 request would be one stream more than the limit on its connection. Netty applies the
     * limit only once the client has acknowledged the server's SETTINGS, and a client that sends many requests on a
     * new connection at once can pass it before that; like Go's and nginx's servers, the simulator holds the limit
     * from the first frame on.
     */
    boolean overStreamLimit(HttpServerRequest req) {
        if (req.version() != HttpVersion.HTTP_2) {
            return false;
        }
        ConnectionUse use = connections.get(req.connection());
        return use != null && use.openStreams() >= sim.maxConcurrentStreamsPerConnection();
    }

    /** Counts an accepted stream on its client connection; a connection is counted when its first stream opens. */
    ConnectionUse streamOpened(HttpServerRequest req) {
        HttpConnection conn = req.connection();
        ConnectionUse use = connections.get(conn);
        if (use == null) {
            use = new ConnectionUse(req.version() == HttpVersion.HTTP_2);
            connections.put(conn, use);
            sim.stats.streamConnectionOpened(use);
            conn.closeHandler(v -> connections.remove(conn));
        }
        sim.stats.streamsOnOneConnection(use.streamOpened());
        return use;
    }

    void remove(SimulatedStream s) {
        if (s.allIndex >= 0) {
            swapRemove(all, s.allIndex, true);
            s.allIndex = -1;
        }
        if (s.aidenIndex >= 0) {
            swapRemove(aiden, s.aidenIndex, false);
            s.aidenIndex = -1;
        }
    }

    private static void swapRemove(ArrayList<SimulatedStream> list, int index, boolean allList) {
        int last = list.size() - 1;
        SimulatedStream moved = list.remove(last);
        if (index != last) {
            list.set(index, moved);
            if (allList) {
                moved.allIndex = index;
            } else {
                moved.aidenIndex = index;
            }
        }
    }

    /** From any thread, in publishing order (the caller holds the event log's lock). */
    void enqueue(AidenIdEvents.Logged event) {
        pending.add(event);
        if (drainScheduled.compareAndSet(false, true)) {
            ctx.runOnContext(drainTask);
        }
    }

    /** From any thread: a Predicate session state for one of this loop's streams (see {@link SimulatedStream#offerSnapshot}). */
    void offerSnapshot(SimulatedStream stream, long version, Buffer data, boolean terminal) {
        snapshots.add(new SnapshotOffer(stream, version, data, terminal));
        if (snapshotDrainScheduled.compareAndSet(false, true)) {
            ctx.runOnContext(snapshotDrainTask);
        }
    }

    private void drainSnapshots() {
        snapshotDrainScheduled.set(false);
        SnapshotOffer offer;
        int written = 0;
        while (written < MAX_SNAPSHOTS_PER_TASK && (offer = snapshots.poll()) != null) {
            written++;
            try {
                offer.stream.offerSnapshot(offer.version, offer.data, offer.terminal);
            } catch (RuntimeException e) {
                // a connection that went away under us: forget it, the others go on
                offer.stream.cleanup();
            }
        }
        if (!snapshots.isEmpty() && snapshotDrainScheduled.compareAndSet(false, true)) {
            ctx.runOnContext(snapshotDrainTask);
        }
    }

    private void drain() {
        if (coalescingMillis > 0) {
            long now = System.nanoTime();
            if (now - lastDrainNanos < coalescingMillis * 1_000_000L) {
                // the last write was recent: let more events gather and write them together
                sim.vertx().setTimer(coalescingMillis, id -> drainNow());
                return;
            }
        }
        drainNow();
    }

    private void drainNow() {
        lastDrainNanos = System.nanoTime();
        drainScheduled.set(false);
        AidenIdEvents.Logged first = pending.poll();
        if (first == null) {
            return;
        }
        List<AidenIdEvents.Logged> batch = new ArrayList<>();
        batch.add(first);
        int bytes = first.bytes().length();
        AidenIdEvents.Logged next;
        while (batch.size() < MAX_BATCH_EVENTS && bytes < MAX_BATCH_BYTES && (next = pending.poll()) != null) {
            batch.add(next);
            bytes += next.bytes().length();
        }
        int n = batch.size();
        Buffer combined;
        if (n == 1) {
            combined = first.bytes();
        } else {
            List<Buffer> parts = new ArrayList<>(n);
            for (AidenIdEvents.Logged e : batch) {
                parts.add(e.bytes());
            }
            combined = SseFormat.concat(parts, bytes);
        }
        long firstSeq = first.seq();
        long lastSeq = batch.get(n - 1).seq();
        long fastSent = 0;
        // backwards: a stream that closes while being written swaps in one that is already done
        for (int i = aiden.size() - 1; i >= 0; i--) {
            if (i >= aiden.size()) {
                continue;
            }
            SimulatedStream s = aiden.get(i);
            try {
                if (s.plan == null && s.lastSeq < firstSeq && !s.isClosed()) {
                    if (s.sendBatch(combined, n)) {
                        s.lastSeq = lastSeq;
                        fastSent += n;
                    }
                } else {
                    for (AidenIdEvents.Logged e : batch) {
                        if (e.seq() > s.lastSeq) {
                            s.lastSeq = e.seq();
                            s.sendEvent(e.bytes());
                        }
                    }
                }
            } catch (RuntimeException e) {
                // a connection that went away under us: forget it, the others go on
                s.cleanup();
            }
        }
        sim.stats.eventsSent(fastSent);
        if (!pending.isEmpty() && drainScheduled.compareAndSet(false, true)) {
            ctx.runOnContext(drainTask);
        }
    }

    /** (Re)starts the keep-alive timer; 0 turns keep-alives off. Runs on this hub's loop. */
    void keepAlive(long intervalMillis) {
        if (keepAliveTimer != -1) {
            sim.vertx().cancelTimer(keepAliveTimer);
            keepAliveTimer = -1;
        }
        if (intervalMillis > 0) {
            keepAliveTimer = sim.vertx().setPeriodic(intervalMillis, intervalMillis, id -> {
                for (int i = all.size() - 1; i >= 0; i--) {
                    if (i < all.size()) {
                        SimulatedStream s = all.get(i);
                        try {
                            s.sendComment(SseFormat.KEEP_ALIVE);
                        } catch (RuntimeException e) {
                            s.cleanup();
                        }
                    }
                }
            });
        }
    }

    /** Drops every stream and forgets queued events. Runs on this hub's loop. */
    void closeAll() {
        pending.clear();
        snapshots.clear();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (i < all.size()) {
                all.get(i).drop();
            }
        }
    }

    int openStreams() {
        return all.size();
    }

    private record SnapshotOffer(SimulatedStream stream, long version, Buffer data, boolean terminal) {
    }
}
