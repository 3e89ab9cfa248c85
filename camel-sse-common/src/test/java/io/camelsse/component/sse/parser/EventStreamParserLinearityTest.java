/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.parser;

import static io.camelsse.component.sse.parser.StreamBytes.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A long line arriving in small chunks must not be scanned again with every chunk: fed in 1 KiB chunks, a stream
 * takes about as long to parse as fed whole. A parser that went back over the bytes of earlier chunks would read a
 * 10 MiB line about 5 * 10^10 times in 1 KiB chunks: seconds to minutes, against milliseconds fed whole. The bound
 * is loose enough for a busy machine and far below that. (How fast parsing is belongs to the benchmarks, not here.)
 */
class EventStreamParserLinearityTest {

    private static final int TEN_MB = 10 * 1024 * 1024;
    private static final int MAX_EVENT_SIZE = TEN_MB + 1024;
    private static final int RUNS = 5;
    private static final int MAX_RATIO = 20;
    private static final long SLACK_NANOS = 500_000_000L;

    @Test
    void tenMegabyteDataLineInOneKilobyteChunks() throws EventTooLargeException {
        String value = "0123456789abcdef".repeat(TEN_MB / 16);
        byte[] stream = bytes("data: ", value, "\n\n");
        Recorder recorder = new Recorder();
        Chunking.fixed(1024).feed(new EventStreamParser(recorder, MAX_EVENT_SIZE), stream);
        assertThat(recorder.events()).singleElement().satisfies(e -> assertThat(e.data()).isEqualTo(value));

        assertChunkedTakesAboutAsLongAsWhole(stream, MAX_EVENT_SIZE);
    }

    @Test
    void tenMegabyteLinesWithoutDataInOneKilobyteChunks() throws EventTooLargeException {
        String longText = "x".repeat(TEN_MB);
        // the ID is part of its event's size, so the unknown field comes in the next block
        byte[] stream = bytes(":", longText, "\n", "id: ", longText, "\n\n", longText, "\n\n");
        Recorder recorder = new Recorder();
        EventStreamParser parser = new EventStreamParser(recorder, MAX_EVENT_SIZE);
        Chunking.fixed(1024).feed(parser, stream);
        assertThat(recorder.seen).hasSize(1);
        assertThat(parser.lastEventId()).hasSize(TEN_MB);

        assertChunkedTakesAboutAsLongAsWhole(stream, MAX_EVENT_SIZE);
    }

    @Test
    void manySmallEventsInOneKilobyteChunks() throws EventTooLargeException {
        byte[] stream = bytes("event: tick\nid: 1\ndata: {\"n\":1}\n\n".repeat(100_000));
        Recorder recorder = new Recorder();
        Chunking.fixed(1024).feed(new EventStreamParser(recorder), stream);
        assertThat(recorder.events()).hasSize(100_000);

        assertChunkedTakesAboutAsLongAsWhole(stream, EventStreamParser.DEFAULT_MAX_EVENT_SIZE);
    }

    private static void assertChunkedTakesAboutAsLongAsWhole(byte[] stream, int maxEventSize)
            throws EventTooLargeException {
        long whole = Long.MAX_VALUE;
        long chunked = Long.MAX_VALUE;
        // the best of a few runs each: the first ones include compiling the parser, and any run may meet a GC pause
        for (int run = 0; run < RUNS; run++) {
            whole = Math.min(whole, nanosToParse(Chunking.whole(), stream, maxEventSize));
            chunked = Math.min(chunked, nanosToParse(Chunking.fixed(1024), stream, maxEventSize));
        }
        assertThat(chunked).as("ns to parse in 1 KiB chunks, against %d ns whole", whole)
                .isLessThanOrEqualTo(whole * MAX_RATIO + SLACK_NANOS);
    }

    private static long nanosToParse(Chunking chunking, byte[] stream, int maxEventSize)
            throws EventTooLargeException {
        EventStreamParser parser = new EventStreamParser(event -> { }, maxEventSize);
        long start = System.nanoTime();
        chunking.feed(parser, stream);
        return System.nanoTime() - start;
    }
}
