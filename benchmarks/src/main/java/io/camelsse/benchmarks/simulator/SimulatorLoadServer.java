/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.benchmarks.simulator;

import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.Vendor;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * The server side of the simulator capacity run: starts the simulator on 127.0.0.1, waits until the
 * expected number of AidenID streams is open (see {@link SimulatorLoadClient}, run in another JVM), then
 * publishes small events for a fixed time and prints what it sent each second. Stops by itself.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.camelsse.benchmarks.simulator.SimulatorLoadServer \
 *     --port 8090 --streams 10000 --duration 20s [--burst 1] [--publish-rate 0] [--write-coalescing 0ms] [--wait 180s]
 * </pre>
 *
 * {@code --publish-rate} is in publishes per second (each one goes to every stream); 0 means as fast as
 * the simulator takes them (the next burst is published once the previous one is handed to every stream;
 * a client that reads slower does not hold it back). {@code --burst} events are published back to back per round.
 * The summary line counts the streams the simulator dropped because their client left more than
 * {@code maxQueuedBytesPerStream} (8 MiB by default) unread. At a fixed {@code --publish-rate} a stream gets
 * {@code burst * publish-rate} events of about 230 bytes a second, so even a client that reads nothing keeps its
 * stream for minutes; with {@code --publish-rate 0} a client that reads slower than the simulator writes loses
 * its stream.
 */
public final class SimulatorLoadServer {

    private SimulatorLoadServer() {
    }

    public static void main(String[] args) {
        int port = 8090;
        int streams = 10_000;
        Duration duration = Duration.ofSeconds(20);
        Duration wait = Duration.ofSeconds(180);
        int burst = 1;
        double publishRate = 0;
        Duration coalescing = Duration.ZERO;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--streams" -> streams = Integer.parseInt(args[++i]);
                case "--duration" -> duration = parseDuration(args[++i]);
                case "--wait" -> wait = parseDuration(args[++i]);
                case "--burst" -> burst = Integer.parseInt(args[++i]);
                case "--publish-rate" -> publishRate = Double.parseDouble(args[++i]);
                case "--write-coalescing" -> coalescing = parseDuration(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String data = "{\"identity_id\":\"ident_a1b2c3d4e5\",\"type\":\"otp\",\"has_secret\":true,\"redacted_value\":\"***\","
                + "\"confidence\":0.99,\"extracted_at\":\"2026-04-06T10:05:02Z\"}";
        try (SseSimulator sim = SseSimulator.builder().port(port).keepAliveInterval(Duration.ofSeconds(15))
                .maxRecordedRequests(0).aidenIdLogCapacity(10_000).writeCoalescing(coalescing).build().start()) {
            System.out.printf(Locale.ROOT, "simulator on %s, %d event loops; waiting for %d streams%n", sim.baseUrl(),
                    Runtime.getRuntime().availableProcessors() * 2, streams);
            long waitUntil = System.nanoTime() + wait.toNanos();
            int lastOpen = -1;
            while (sim.stats().openStreams(Vendor.AIDENID) < streams) {
                if (System.nanoTime() > waitUntil) {
                    System.out.println("gave up waiting: " + sim.stats().openStreams(Vendor.AIDENID) + " streams open");
                    return;
                }
                int open = sim.stats().openStreams(Vendor.AIDENID);
                if (open != lastOpen) {
                    System.out.println("open streams: " + open);
                    lastOpen = open;
                }
                LockSupport.parkNanos(200_000_000L);
            }
            int open = sim.stats().openStreams(Vendor.AIDENID);
            System.out.printf(Locale.ROOT, "%d streams open; publishing for %d s, burst %d, %s, write coalescing %d ms%n", open,
                    duration.toSeconds(), burst, publishRate > 0 ? publishRate + " publishes/s" : "as fast as written",
                    coalescing.toMillis());
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            long nextReport = start + 1_000_000_000L;
            long sentAtReport = sim.stats().eventsSent();
            long sentAtStart = sentAtReport;
            long published = 0;
            long peakOpen = open;
            while (System.nanoTime() < end) {
                for (int b = 0; b < burst; b++) {
                    sim.aidenId().publish("extraction.completed", data);
                }
                published += burst;
                if (publishRate > 0) {
                    long due = start + (long) (published / burst / publishRate * 1e9);
                    while (System.nanoTime() < due) {
                        LockSupport.parkNanos(Math.max(1000, Math.min(due - System.nanoTime(), 1_000_000)));
                    }
                } else {
                    // as fast as written: wait until this round reached every open stream (bounded)
                    long target = sentAtStart + (published - burst) * (long) open;
                    long giveUp = System.nanoTime() + 1_000_000_000L;
                    while (sim.stats().eventsSent() < target && System.nanoTime() < giveUp) {
                        LockSupport.parkNanos(20_000);
                    }
                }
                long now = System.nanoTime();
                if (now >= nextReport) {
                    long sent = sim.stats().eventsSent();
                    int openNow = sim.stats().openStreams(Vendor.AIDENID);
                    peakOpen = Math.max(peakOpen, openNow);
                    System.out.printf(Locale.ROOT, "server: open %d, sent %,d events/s%n", openNow, sent - sentAtReport);
                    sentAtReport = sent;
                    nextReport += 1_000_000_000L;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long sent = sim.stats().eventsSent() - sentAtStart;
            System.out.printf(Locale.ROOT, "SERVER SUMMARY: published %,d events to %d streams in %.1f s; wrote %,d events, "
                    + "%,.0f events/s; %d streams still open, %d dropped for leaving more than %d bytes unread%n",
                    published, peakOpen, seconds, sent, sent / seconds,
                    sim.stats().openStreams(Vendor.AIDENID), sim.stats().slowStreamsDropped(),
                    SseSimulator.DEFAULT_MAX_QUEUED_BYTES_PER_STREAM);
        }
    }

    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.ofMillis(Long.parseLong(t));
    }
}
