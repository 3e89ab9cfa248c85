/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.benchmarks.route;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * Where the CPU time of one event goes, thread by thread, for one row of {@link RouteThroughputBenchmark}: after a
 * warm-up, runs the row's invocations back to back and divides each thread's CPU time over them by the events routed.
 * Threads of one pool are summed under one name (numbers stripped). Beside the wall time per event, it shows how much
 * of each core the row keeps busy, and how the work of the {@code sse:} route is split between the thread that parses
 * and routes, the HTTP client's selector thread and the server.
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
            long start = System.nanoTime();
            for (int i = 0; i < invocations; i++) {
                invocation.call();
            }
            long wallNanos = System.nanoTime() - start;
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
        } finally {
            benchmark.stop();
        }
        System.exit(0);
    }
}
