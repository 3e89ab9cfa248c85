/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters, reached through {@link SseSimulator#stats()}.
 *
 * <ul>
 *   <li><b>connections</b>: requests to a vendor stream endpoint, whatever the answer (401, 429, an
 *       injected 503 and a 200 stream all count): one per connect or reconnect attempt.</li>
 *   <li><b>accepted streams</b>: those answered 200 and streamed.</li>
 *   <li><b>open streams</b>: accepted streams not closed yet.</li>
 *   <li><b>events sent</b>: events written to streams (keep-alives and injected events excluded).</li>
 *   <li><b>stream connections</b>: client connections (TCP, or TLS over TCP) that carried at least one
 *       accepted stream, how many of them spoke HTTP/2, how many streams each carried, and the most streams
 *       open at once on one connection: how many connections a client needed for its streams.</li>
 *   <li><b>slow streams dropped</b>: streams dropped because their client left more than
 *       {@link SseSimulator.Builder#maxQueuedBytesPerStream(int)} bytes unread.</li>
 * </ul>
 *
 * All but the open streams go back to 0 on {@link SseSimulator#reset()}.
 */
public final class Stats {

    private final Map<Vendor, AtomicLong> connections = new EnumMap<>(Vendor.class);
    private final Map<Vendor, AtomicLong> accepted = new EnumMap<>(Vendor.class);
    private final Map<Vendor, AtomicInteger> open = new EnumMap<>(Vendor.class);
    private final LongAdder eventsSent = new LongAdder();
    private final AtomicLong streamConnections = new AtomicLong();
    private final AtomicLong http2Connections = new AtomicLong();
    private final AtomicInteger maxStreamsOnOneConnection = new AtomicInteger();
    private final AtomicLong refusedStreams = new AtomicLong();
    private final AtomicLong slowStreamsDropped = new AtomicLong();
    private final ConcurrentLinkedQueue<ConnectionUse> connectionUses = new ConcurrentLinkedQueue<>();

    Stats() {
        for (Vendor v : Vendor.values()) {
            connections.put(v, new AtomicLong());
            accepted.put(v, new AtomicLong());
            open.put(v, new AtomicInteger());
        }
    }

    /** Requests to either vendor's stream endpoint. */
    public long connections() {
        return connections(Vendor.PREDICATE) + connections(Vendor.AIDENID);
    }

    /** Requests to this vendor's stream endpoint. */
    public long connections(Vendor vendor) {
        return connections.get(vendor).get();
    }

    /** Streams answered 200, both vendors. */
    public long acceptedStreams() {
        return acceptedStreams(Vendor.PREDICATE) + acceptedStreams(Vendor.AIDENID);
    }

    /** Streams of this vendor answered 200. */
    public long acceptedStreams(Vendor vendor) {
        return accepted.get(vendor).get();
    }

    /** Streams open now, both vendors. */
    public int openStreams() {
        return openStreams(Vendor.PREDICATE) + openStreams(Vendor.AIDENID);
    }

    /** Streams of this vendor open now. */
    public int openStreams(Vendor vendor) {
        return open.get(vendor).get();
    }

    /** Events written to streams. */
    public long eventsSent() {
        return eventsSent.sum();
    }

    /** Client connections that carried at least one accepted stream (counted when its first stream opens). */
    public long streamConnections() {
        return streamConnections.get();
    }

    /** Of {@link #streamConnections()}, those that spoke HTTP/2. */
    public long http2Connections() {
        return http2Connections.get();
    }

    /** The most accepted streams open at the same time on one connection. */
    public int maxStreamsOnOneConnection() {
        return maxStreamsOnOneConnection.get();
    }

    /**
     * For each of the first {@value #MAX_LISTED_CONNECTIONS} {@link #streamConnections()}, in the order they were
     * first used: how many accepted streams it has carried.
     */
    public List<Integer> streamsPerConnection() {
        List<Integer> counts = new ArrayList<>();
        for (ConnectionUse use : connectionUses) {
            counts.add(use.totalStreams());
        }
        return counts;
    }

    /**
     * HTTP/2 requests to a stream endpoint refused with {@code RST_STREAM REFUSED_STREAM} because their connection
     * had {@link SseSimulator.Builder#maxConcurrentStreamsPerConnection(int)} streams open already.
     */
    public long refusedStreams() {
        return refusedStreams.get();
    }

    /**
     * Streams dropped because more than {@link SseSimulator.Builder#maxQueuedBytesPerStream(int)} bytes written
     * to them were still waiting for their client when the next write came.
     */
    public long slowStreamsDropped() {
        return slowStreamsDropped.get();
    }

    /** How many connections {@link #streamsPerConnection()} lists at most. */
    public static final int MAX_LISTED_CONNECTIONS = 10_000;

    @Override
    public String toString() {
        return "Stats[connections=" + connections() + ", acceptedStreams=" + acceptedStreams() + ", openStreams="
                + openStreams() + ", eventsSent=" + eventsSent() + "]";
    }

    void connection(Vendor vendor) {
        connections.get(vendor).incrementAndGet();
    }

    void accepted(Vendor vendor) {
        accepted.get(vendor).incrementAndGet();
        open.get(vendor).incrementAndGet();
    }

    /** Takes an AidenID stream slot unless {@code limit} are open already. */
    boolean tryAcceptAidenId(int limit) {
        AtomicInteger o = open.get(Vendor.AIDENID);
        while (true) {
            int n = o.get();
            if (n >= limit) {
                return false;
            }
            if (o.compareAndSet(n, n + 1)) {
                accepted.get(Vendor.AIDENID).incrementAndGet();
                return true;
            }
        }
    }

    /** Gives back a slot taken by {@link #tryAcceptAidenId(int)} for a request answered otherwise. */
    void releaseAidenId() {
        accepted.get(Vendor.AIDENID).decrementAndGet();
        open.get(Vendor.AIDENID).decrementAndGet();
    }

    void streamClosed(Vendor vendor) {
        open.get(vendor).decrementAndGet();
    }

    void eventsSent(long n) {
        if (n != 0) {
            eventsSent.add(n);
        }
    }

    void streamConnectionOpened(ConnectionUse use) {
        if (streamConnections.incrementAndGet() <= MAX_LISTED_CONNECTIONS) {
            connectionUses.add(use);
        }
        if (use.http2) {
            http2Connections.incrementAndGet();
        }
    }

    void streamsOnOneConnection(int open) {
        maxStreamsOnOneConnection.accumulateAndGet(open, Math::max);
    }

    void streamRefused() {
        refusedStreams.incrementAndGet();
    }

    void slowStreamDropped() {
        slowStreamsDropped.incrementAndGet();
    }

    void reset() {
        refusedStreams.set(0);
        slowStreamsDropped.set(0);
        streamConnections.set(0);
        http2Connections.set(0);
        maxStreamsOnOneConnection.set(0);
        connectionUses.clear();
        for (Vendor v : Vendor.values()) {
            connections.get(v).set(0);
            accepted.get(v).set(0);
        }
        eventsSent.reset();
    }
}
