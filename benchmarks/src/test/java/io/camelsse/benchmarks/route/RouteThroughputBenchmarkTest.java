/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.benchmarks.route;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One invocation of each row that the interleaved runner and the per-thread CPU tool build on, so that a change that
 * breaks a row (its setup, its server, its count of events) fails the build rather than the next measurement.
 */
class RouteThroughputBenchmarkTest {

    @Test
    void everyRowTakesAllItsEvents() throws Exception {
        RouteThroughputBenchmark benchmark = new RouteThroughputBenchmark();
        benchmark.start();
        try {
            // each returns the events still missing, and throws when they do not arrive
            assertThat(benchmark.camelSseRoute()).isZero();
            assertThat(benchmark.okhttpIntoCamelRoute()).isZero();
            assertThat(benchmark.camelCeilingNoIo()).isZero();
            assertThat(benchmark.jdkHttpClientLines()).isEqualTo(RouteThroughputBenchmark.EVENTS);
        } finally {
            benchmark.stop();
        }
    }
}
