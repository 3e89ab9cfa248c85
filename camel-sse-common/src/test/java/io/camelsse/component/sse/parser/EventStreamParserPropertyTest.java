/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.parser;

import static io.camelsse.component.sse.parser.StreamBytes.BOM;
import static io.camelsse.component.sse.parser.StreamBytes.raw;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Generated streams full of what makes parsing hard (every field, comments, all three line ends,
 * multi-byte and malformed UTF-8, byte order marks, NULs in IDs, odd retry values, streams cut
 * short) must give the same result however they are chunked, and the same result as the plain
 * {@link ReferenceParser}.
 */
class EventStreamParserPropertyTest {

    private static final int STREAMS = 3000;

    private static final String[] NAMES = {
        "data", "data", "data", "data", "event", "event", "id", "id", "retry", "retry",
        "Data", "foo", "", " data", "data ", "ids", "\0", "dat", "\u00e9vent", "id\0",
    };
    private static final String[] TEXT = {
        "a", "hello", "{\"k\":1}", " ", "  ", ":", ": ", "\t", "0", "42", "message",
        "caf\u00e9", "\u4e2d\u6587", "\uD83D\uDE00", "\u2026", "\0", "x\0y",
    };
    private static final byte[][] RAW = {
        raw(0xFF), raw(0x80), raw(0xC0, 0x80), raw(0xED, 0xA0, 0x80), raw(0xF0, 0x80, 0x80),
        raw(0xE2, 0x82), raw(0xF0, 0x9F, 0x98), raw(0xF4, 0x90, 0x80, 0x80), raw(0xC3), BOM, raw(0xEF, 0xBB),
    };
    private static final String[] LINE_ENDS = {"\n", "\r", "\r\n"};

    @Test
    void anyChunkingGivesTheSameResultAsTheReference() {
        for (int i = 0; i < STREAMS; i++) {
            long seed = Chunking.RUN_SEED + i;
            Random random = new Random(seed);
            List<byte[]> streams = randomStreams(random);
            String description = describe(seed, streams);

            ReferenceParser reference = new ReferenceParser();
            streams.forEach(reference::stream);

            for (Chunking chunking : List.of(Chunking.whole(), Chunking.oneByte(), Chunking.random(seed))) {
                Recorder recorder = new Recorder();
                EventStreamParser parser = new EventStreamParser(recorder);
                for (byte[] stream : streams) {
                    feed(parser, chunking, stream, recorder);
                }
                assertThat(recorder.exact).as("%s, %s", description, chunking).isEqualTo(reference.seen);
                assertThat(parser.lastEventId()).as("%s, %s", description, chunking).isEqualTo(reference.lastEventId);
            }
        }
    }

    @Test
    void anyChunkingRefusesTheSameEventsWithASmallMaxEventSize() {
        for (int i = 0; i < STREAMS; i++) {
            long seed = Chunking.RUN_SEED + i;
            Random random = new Random(seed);
            List<byte[]> streams = randomStreams(random);
            int maxEventSize = 1 + random.nextInt(60);
            String description = describe(seed, streams) + ", maxEventSize " + maxEventSize;

            List<Object> expected = null;
            for (Chunking chunking : List.of(Chunking.whole(), Chunking.oneByte(), Chunking.random(seed))) {
                Recorder recorder = new Recorder();
                EventStreamParser parser = new EventStreamParser(recorder, maxEventSize);
                for (byte[] stream : streams) {
                    feed(parser, chunking, stream, recorder);
                }
                if (expected == null) {
                    expected = recorder.exact;
                } else {
                    assertThat(recorder.exact).as("%s, %s", description, chunking).isEqualTo(expected);
                }
            }
        }
    }

    /** Feeds one whole stream; a refused event is recorded in place, then the stream is given up. */
    private static void feed(EventStreamParser parser, Chunking chunking, byte[] stream, Recorder recorder) {
        try {
            chunking.feed(parser, stream);
        } catch (EventTooLargeException e) {
            recorder.add("too large");
        }
        parser.endOfStream();
    }

    private static List<byte[]> randomStreams(Random random) {
        List<byte[]> streams = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            streams.add(randomStream(random));
        }
        return streams;
    }

    private static byte[] randomStream(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextInt(4) == 0) {
            out.writeBytes(BOM);
        }
        int lines = random.nextInt(25);
        for (int i = 0; i < lines; i++) {
            switch (random.nextInt(12)) {
                case 0, 1 -> {
                    // a blank line: dispatch
                }
                case 2 -> {
                    out.write(':');
                    writeValue(out, random);
                }
                case 3 -> {
                    for (int n = random.nextInt(6); n > 0; n--) {
                        out.write(random.nextInt(256));
                    }
                }
                default -> writeField(out, random);
            }
            out.writeBytes(LINE_ENDS[random.nextInt(LINE_ENDS.length)].getBytes(StandardCharsets.US_ASCII));
        }
        if (random.nextInt(3) == 0) {
            // the last line of the stream without a line end
            writeField(out, random);
        }
        return out.toByteArray();
    }

    private static void writeField(ByteArrayOutputStream out, Random random) {
        String name = NAMES[random.nextInt(NAMES.length)];
        out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        if (random.nextInt(8) == 0) {
            return;
        }
        out.write(':');
        if (random.nextBoolean()) {
            out.write(' ');
        }
        if (name.equals("retry") && random.nextBoolean()) {
            for (int n = 1 + random.nextInt(25); n > 0; n--) {
                out.write('0' + random.nextInt(10));
            }
        } else {
            writeValue(out, random);
        }
    }

    private static void writeValue(ByteArrayOutputStream out, Random random) {
        for (int n = random.nextInt(6); n > 0; n--) {
            if (random.nextInt(4) == 0) {
                out.writeBytes(RAW[random.nextInt(RAW.length)]);
            } else {
                out.writeBytes(TEXT[random.nextInt(TEXT.length)].getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static String describe(long seed, List<byte[]> streams) {
        return "seed " + seed + " (replay with -Dsse.test.seed=" + Chunking.RUN_SEED + "), streams "
                + streams.stream().map(StreamBytes::show).collect(Collectors.joining("\" | \"", "\"", "\""));
    }
}
