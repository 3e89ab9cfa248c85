/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.benchmarks.latency;

import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * What handing work from one thread to another costs on this machine, with none of this project's code: two threads
 * wake each other in turn with {@code LockSupport.unpark} and wait with {@code park}, as a pool's worker waits for the
 * next task. Prints the time of a round trip (two wake-ups), first with the other cores idle, then with a thread that
 * spins on one of them. On a virtual machine whose idle cores halt, the first is much dearer than the second: the
 * wake-up of an idle core is what costs. The event path of the {@code sse:} route pays such a wake-up per chunk (the
 * HTTP client's selector thread hands each chunk to a worker); okhttp-eventsource, which reads on the route's thread,
 * does not.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.camelsse.benchmarks.latency.ThreadHandOff [--round-trips 20000]
 * </pre>
 */
public final class ThreadHandOff {

    private static volatile boolean othersTurn;

    private ThreadHandOff() {
    }

    public static void main(String[] args) throws Exception {
        int roundTrips = 20_000;
        for (int i = 0; i < args.length; i++) {
            if ("--round-trips".equals(args[i])) {
                roundTrips = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        for (int round = 1; round <= 3; round++) {
            report("other cores idle", round, roundTrip(roundTrips));
        }
        Thread spinner = new Thread(ThreadHandOff::spin, "spinner");
        spinner.setDaemon(true);
        spinner.start();
        for (int round = 1; round <= 3; round++) {
            report("a thread spinning on another core", round, roundTrip(roundTrips));
        }
        System.exit(0);
    }

    private static void report(String setting, int round, double micros) {
        System.out.printf(Locale.ROOT, "%s, round %d: %.1f us a round trip (two wake-ups)%n", setting, round, micros);
    }

    /** The mean time of one round trip, in microseconds. */
    private static double roundTrip(int roundTrips) throws InterruptedException {
        Thread caller = Thread.currentThread();
        othersTurn = false;
        Thread other = new Thread(() -> {
            for (int i = 0; i < roundTrips; i++) {
                while (!othersTurn) {
                    LockSupport.park();
                }
                othersTurn = false;
                LockSupport.unpark(caller);
            }
        }, "hand-off");
        other.start();
        long start = System.nanoTime();
        for (int i = 0; i < roundTrips; i++) {
            othersTurn = true;
            LockSupport.unpark(other);
            while (othersTurn) {
                LockSupport.park();
            }
        }
        long elapsed = System.nanoTime() - start;
        other.join();
        return elapsed / 1e3 / roundTrips;
    }

    @SuppressWarnings("InfiniteLoopStatement")
    private static void spin() {
        while (true) {
            Thread.onSpinWait();
        }
    }
}
