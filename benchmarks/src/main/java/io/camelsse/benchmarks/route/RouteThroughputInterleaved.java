/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.benchmarks.route;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The three target rows of {@link RouteThroughputBenchmark} (the {@code sse:} route, okhttp-eventsource with a
 * {@code ProducerTemplate}, Camel's ceiling without I/O) in one JVM, taking turns invocation by invocation: each round
 * runs one invocation of each ({@value RouteThroughputBenchmark#EVENTS} events, a fraction of a second), in a rotating
 * order. On a machine shared with other builds the load changes from one second to the next, and JMH runs the rows
 * one after the other, so a ratio of two JMH rows mixes in whatever ran meanwhile; here the rows of one round see
 * nearly the same load, and the ratios are taken per round. Prints the median of each row and of the per-round
 * ratios.
 *
 * <pre>
 * java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar io.camelsse.benchmarks.route.RouteThroughputInterleaved \
 *     [--warmup-rounds 20] [--rounds 60]
 * </pre>
 */
public final class RouteThroughputInterleaved {

    private RouteThroughputInterleaved() {
    }

    public static void main(String[] args) throws Exception {
        int warmupRounds = 20;
        int rounds = 60;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--warmup-rounds" -> warmupRounds = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        RouteThroughputBenchmark benchmark = new RouteThroughputBenchmark();
        benchmark.start();
        String[] names = {"camelSseRoute", "okhttpIntoCamelRoute", "camelCeilingNoIo"};
        List<Callable<Long>> rows = List.of(benchmark::camelSseRoute, benchmark::okhttpIntoCamelRoute,
                benchmark::camelCeilingNoIo);
        double[][] perSecond = new double[names.length][rounds];
        try {
            for (int round = -warmupRounds; round < rounds; round++) {
                for (int k = 0; k < names.length; k++) {
                    // rotate the order, so that no row always runs right after the same other one
                    int row = (k + Math.floorMod(round, names.length)) % names.length;
                    long start = System.nanoTime();
                    rows.get(row).call();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    if (round >= 0) {
                        perSecond[row][round] = RouteThroughputBenchmark.EVENTS / seconds;
                    }
                }
            }
        } finally {
            benchmark.stop();
        }
        double[] toBaseline = new double[rounds];
        double[] toCeiling = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            toBaseline[r] = perSecond[0][r] / perSecond[1][r];
            toCeiling[r] = perSecond[0][r] / perSecond[2][r];
        }
        List<String> medians = new ArrayList<>();
        for (int row = 0; row < names.length; row++) {
            medians.add(String.format(Locale.ROOT, "%s %,.0f /s", names[row], median(perSecond[row])));
        }
        System.out.printf(Locale.ROOT, "JVM %s, %d rounds after %d of warm-up; medians: %s%n", Runtime.version(), rounds,
                warmupRounds, String.join(", ", medians));
        System.out.printf(Locale.ROOT, "SUMMARY %d: sse/okhttp+template %.2fx (quartiles %.2f-%.2f), sse/ceiling %.0f%% "
                + "(quartiles %.0f-%.0f%%), medians of per-round ratios%n", Runtime.version().feature(),
                median(toBaseline), quantile(toBaseline, 0.25), quantile(toBaseline, 0.75), 100 * median(toCeiling),
                100 * quantile(toCeiling, 0.25), 100 * quantile(toCeiling, 0.75));
        System.exit(0);
    }

    private static double median(double[] values) {
        return quantile(values, 0.5);
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double index = q * (sorted.length - 1);
        int below = (int) Math.floor(index);
        int above = (int) Math.ceil(index);
        return sorted[below] + (sorted[above] - sorted[below]) * (index - below);
    }
}
