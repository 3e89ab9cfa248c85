/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.parser;

import static io.camelsse.component.sse.parser.StreamBytes.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A long line arriving in small chunks must not be scanned again with every chunk. The parser
 * counts the bytes its line scanner looks at; each byte of the stream must be looked at once.
 * (How fast that is belongs to the benchmarks, not here.)
 */
class EventStreamParserLinearityTest {

    private static final int TEN_MB = 10 * 1024 * 1024;
    private static final int MAX_EVENT_SIZE = TEN_MB + 1024;

    @Test
    void tenMegabyteDataLineInOneKilobyteChunks() throws EventTooLargeException {
        String value = "0123456789abcdef".repeat(TEN_MB / 16);
        byte[] stream = bytes("data: ", value, "\n\n");
        Recorder recorder = new Recorder();
        EventStreamParser parser = new EventStreamParser(recorder, MAX_EVENT_SIZE);

        Chunking.fixed(1024).feed(parser, stream);

        assertThat(recorder.events()).singleElement().satisfies(e -> assertThat(e.data()).isEqualTo(value));
        assertThat(parser.bytesExamined()).isLessThanOrEqualTo(stream.length);
    }

    @Test
    void tenMegabyteLinesWithoutDataInOneKilobyteChunks() throws EventTooLargeException {
        String longText = "x".repeat(TEN_MB);
        byte[] stream = bytes(":", longText, "\n", "id: ", longText, "\n", longText, "\n\n");
        Recorder recorder = new Recorder();
        EventStreamParser parser = new EventStreamParser(recorder, MAX_EVENT_SIZE);

        Chunking.fixed(1024).feed(parser, stream);

        assertThat(recorder.seen).hasSize(1);
        assertThat(parser.lastEventId()).hasSize(TEN_MB);
        assertThat(parser.bytesExamined()).isLessThanOrEqualTo(stream.length);
    }

    @Test
    void manySmallEventsInOneKilobyteChunks() throws EventTooLargeException {
        byte[] stream = bytes("event: tick\nid: 1\ndata: {\"n\":1}\n\n".repeat(100_000));
        Recorder recorder = new Recorder();
        EventStreamParser parser = new EventStreamParser(recorder);

        Chunking.fixed(1024).feed(parser, stream);

        assertThat(recorder.events()).hasSize(100_000);
        assertThat(parser.bytesExamined()).isLessThanOrEqualTo(stream.length);
    }
}
