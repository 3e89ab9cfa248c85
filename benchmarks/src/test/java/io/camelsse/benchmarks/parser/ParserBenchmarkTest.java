/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.benchmarks.parser;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** The benchmark's setup compares both parsers on its three streams; it must pass, or no benchmark of the class runs. */
class ParserBenchmarkTest {

    @Test
    void bothParsersReadTheSameEventsFromEveryStream() {
        assertThatCode(() -> new ParserBenchmark().prepareAndCheck()).doesNotThrowAnyException();
    }
}
