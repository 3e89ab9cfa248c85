/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.benchmarks.route;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Where the CPU time of one event goes, thread by thread, for one row of {@link RouteThroughputBenchmark}: after a
 * warm-up, runs the row's invocations back to back and divides each thread's CPU time over them by the events routed.
 * Threads of one pool are summed under one name (numbers stripped). Beside the wall time per event, it shows how much
 * of each core the row keeps busy, and how the work of the {@code sse:} route is split between the thread that parses
 * and routes, the HTTP client's selector thread and the server.
 * <p>
 * On Linux it also reads each thread's scheduler statistics ({@code /proc/self/task/<tid>/schedstat}): how long the
 * threads were runnable but waited for a CPU, and how often they were scheduled. That is the price of handing work from
 * one thread to another, which CPU time does not show.
 *
 * <pre>
 * java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar io.camelsse.benchmarks.route.RouteThreadCpu \
 *     [--row camelSseRoute|okhttpIntoCamelRoute|camelCeilingNoIo] [--warmup 20] [--invocations 30]
 * </pre>
 */
public final class RouteThreadCpu {

    private RouteThreadCpu() {
    }

    public static void main(String[] args) throws Exception {
        String row = "camelSseRoute";
        int warmup = 20;
        int invocations = 30;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--row" -> row = args[++i];
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--invocations" -> invocations = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        RouteThroughputBenchmark benchmark = new RouteThroughputBenchmark();
        Callable<Long> invocation = switch (row) {
            case "camelSseRoute" -> benchmark::camelSseRoute;
            case "okhttpIntoCamelRoute" -> benchmark::okhttpIntoCamelRoute;
            case "camelCeilingNoIo" -> benchmark::camelCeilingNoIo;
            default -> throw new IllegalArgumentException("unknown row " + row);
        };
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        benchmark.start();
        try {
            for (int i = 0; i < warmup; i++) {
                invocation.call();
            }
            Map<Long, Long> cpuBefore = new HashMap<>();
            for (long id : threads.getAllThreadIds()) {
                cpuBefore.put(id, threads.getThreadCpuTime(id));
            }
            Map<String, long[]> schedulingBefore = schedulerStatistics();
            long start = System.nanoTime();
            for (int i = 0; i < invocations; i++) {
                invocation.call();
            }
            long wallNanos = System.nanoTime() - start;
            Map<String, long[]> schedulingAfter = schedulerStatistics();
            double events = (double) invocations * RouteThroughputBenchmark.EVENTS;

            Map<String, Long> cpuByPool = new TreeMap<>();
            long cpuTotal = 0;
            for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (thread == null) {
                    continue;
                }
                long cpu = threads.getThreadCpuTime(thread.getThreadId())
                           - cpuBefore.getOrDefault(thread.getThreadId(), 0L);
                if (cpu > 0) {
                    cpuByPool.merge(thread.getThreadName().replaceAll("\\d+", "N"), cpu, Long::sum);
                    cpuTotal += cpu;
                }
            }
            System.out.printf(Locale.ROOT, "JVM %s, %s, %d invocations of %,d events after %d of warm-up%n",
                    Runtime.version(), row, invocations, RouteThroughputBenchmark.EVENTS, warmup);
            System.out.printf(Locale.ROOT, "wall %.3f us per event (%,.0f events/s); CPU of all threads %.3f us per "
                    + "event, %.2f cores busy%n", wallNanos / 1e3 / events, events / (wallNanos / 1e9),
                    cpuTotal / 1e3 / events, (double) cpuTotal / wallNanos);
            cpuByPool.forEach((name, cpu) -> {
                // threads that did next to nothing meanwhile only clutter the list
                if (cpu > wallNanos / 100) {
                    System.out.printf(Locale.ROOT, "  %-55s %.3f us per event%n", name, cpu / 1e3 / events);
                }
            });
            printWaitsForCpu(schedulingBefore, schedulingAfter, wallNanos);
        } finally {
            benchmark.stop();
        }
        System.exit(0);
    }

    private static void printWaitsForCpu(Map<String, long[]> before, Map<String, long[]> after, long wallNanos) {
        if (after.isEmpty()) {
            return;
        }
        Map<String, long[]> byName = new TreeMap<>();
        long waitedTotal = 0;
        for (Map.Entry<String, long[]> thread : after.entrySet()) {
            long[] was = before.getOrDefault(thread.getKey(), new long[3]);
            long waited = thread.getValue()[1] - was[1];
            long slices = thread.getValue()[2] - was[2];
            // the kernel's name of a thread, its first 15 characters: threads of one pool share it
            String name = thread.getKey().substring(thread.getKey().indexOf(' ') + 1).replaceAll("\\d+", "N");
            long[] sum = byName.computeIfAbsent(name, n -> new long[2]);
            sum[0] += waited;
            sum[1] += slices;
            waitedTotal += waited;
        }
        System.out.printf(Locale.ROOT, "runnable but waiting for a CPU: %.2f s in all over %.2f s of wall time%n",
                waitedTotal / 1e9, wallNanos / 1e9);
        byName.forEach((name, sum) -> {
            if (sum[0] > wallNanos / 100) {
                System.out.printf(Locale.ROOT, "  %-55s %.2f s, %,d times scheduled, %.1f us a time%n", name,
                        sum[0] / 1e9, sum[1], sum[1] == 0 ? 0.0 : sum[0] / 1e3 / sum[1]);
            }
        });
    }

    /** Per thread, keyed by "tid name": nanoseconds on a CPU, nanoseconds waiting for one, times scheduled. */
    private static Map<String, long[]> schedulerStatistics() {
        Map<String, long[]> statistics = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return statistics;
        }
        try (Stream<Path> threadFolders = Files.list(tasks)) {
            threadFolders.forEach(folder -> {
                try {
                    String name = Files.readString(folder.resolve("comm")).trim();
                    String[] fields = Files.readString(folder.resolve("schedstat")).trim().split(" ");
                    statistics.put(folder.getFileName() + " " + name, new long[] {
                            Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]) });
                } catch (IOException | RuntimeException ended) {
                    // the thread ended meanwhile, or the kernel keeps no statistics
                }
            });
        } catch (IOException unreadable) {
            statistics.clear();
        }
        return statistics;
    }
}
