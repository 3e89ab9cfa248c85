/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Fault injection, reached through {@link SseSimulator#faults()}. Faults apply to <em>accepted</em> stream
 * connections: requests to a stream endpoint that passed authentication and lookup and would otherwise be
 * answered 200 (a request refused with 401, 403, 404 or 429 uses up no fault).
 *
 * <ul>
 *   <li>{@link #nextStream(Fault...)} queues one entry; the next accepted connection takes it with all its
 *       faults. Call it twice to script two connections in a row.</li>
 *   <li>{@link #always(Fault...)} applies to every accepted connection that finds no queued entry.</li>
 *   <li>{@link #random(long, double)} drops streams at random, on top of the above.</li>
 * </ul>
 *
 * All methods are thread-safe and return {@code this} for chaining.
 */
public final class Faults {

    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private List<Fault> always = List.of();
    private long randomSeed;
    private double randomProbability;

    Faults() {
    }

    /** The next accepted stream connection (either vendor) gets all these faults. */
    public synchronized Faults nextStream(Fault... faults) {
        queue.addLast(new Entry(null, List.of(faults)));
        return this;
    }

    /** The next accepted stream connection to this vendor gets all these faults. */
    public synchronized Faults nextStream(Vendor vendor, Fault... faults) {
        queue.addLast(new Entry(Objects.requireNonNull(vendor, "vendor"), List.of(faults)));
        return this;
    }

    /** Every accepted stream connection without a queued entry gets these faults; no argument turns it off. */
    public synchronized Faults always(Fault... faults) {
        always = List.of(faults);
        return this;
    }

    /**
     * Before each event, each accepted stream is dropped with the given probability (half of the drops
     * cut the event in the middle, the other half close before it). The choices of a connection come
     * from a generator seeded with {@code seed} and the connection's number, so a run with the same
     * connections in the same order drops at the same places. A probability of 0 turns it off.
     */
    public synchronized Faults random(long seed, double dropProbability) {
        if (dropProbability < 0 || dropProbability > 1) {
            throw new IllegalArgumentException("probability must be within [0, 1]: " + dropProbability);
        }
        randomSeed = seed;
        randomProbability = dropProbability;
        return this;
    }

    /** Forgets queued entries, the {@link #always(Fault...)} faults and random drops. */
    public synchronized Faults clear() {
        queue.clear();
        always = List.of();
        randomProbability = 0;
        return this;
    }

    /** Queued entries not yet taken by a connection. */
    public synchronized int queued() {
        return queue.size();
    }

    /** The plan for an accepted connection, or null when it gets no fault. */
    synchronized FaultPlan take(Vendor vendor, long connectionNumber) {
        List<Fault> faults = null;
        for (Iterator<Entry> it = queue.iterator(); it.hasNext();) {
            Entry e = it.next();
            if (e.vendor == null || e.vendor == vendor) {
                it.remove();
                faults = e.faults;
                break;
            }
        }
        if (faults == null) {
            faults = always;
        }
        SplittableRandom random = null;
        if (randomProbability > 0) {
            random = new SplittableRandom(randomSeed * 0x9E3779B97F4A7C15L + connectionNumber);
        }
        if (faults.isEmpty() && random == null) {
            return null;
        }
        return new FaultPlan(faults, random, randomProbability);
    }

    private record Entry(Vendor vendor, List<Fault> faults) {
    }

    /** What one connection does wrong, resolved from its faults. */
    static final class FaultPlan {
        final List<Fault> faults;
        Fault.Status status;
        String contentType;
        int dropAfter = -1;
        int dropMidAt = -1;
        int stallAfter = -1;
        long stallMillis;
        boolean oneByte;
        int slowPieceBytes;
        long slowPauseMillis;
        int malformedAt = -1;
        int oversizeAt = -1;
        int oversizeBytes;
        final SplittableRandom random;
        final double dropProbability;

        FaultPlan(List<Fault> faults, SplittableRandom random, double dropProbability) {
            this.faults = new ArrayList<>(faults);
            this.random = random;
            this.dropProbability = dropProbability;
            for (Fault f : faults) {
                if (f instanceof Fault.Status s) {
                    if (status == null) {
                        status = s;
                    }
                } else if (f instanceof Fault.ContentType c) {
                    contentType = c.contentType();
                } else if (f instanceof Fault.DropAfterEvents d) {
                    dropAfter = d.events();
                } else if (f instanceof Fault.DropMidEvent d) {
                    dropMidAt = d.afterEvents();
                } else if (f instanceof Fault.Stall s) {
                    stallAfter = s.afterEvents();
                    stallMillis = Math.max(1, s.duration().toMillis());
                } else if (f instanceof Fault.OneByteChunks) {
                    oneByte = true;
                } else if (f instanceof Fault.SlowWrites w) {
                    slowPieceBytes = w.pieceBytes();
                    slowPauseMillis = Math.max(1, w.pause().toMillis());
                } else if (f instanceof Fault.MalformedJson m) {
                    malformedAt = m.afterEvents();
                } else if (f instanceof Fault.OversizedEvent o) {
                    oversizeAt = o.afterEvents();
                    oversizeBytes = o.bytes();
                }
            }
        }
    }
}
