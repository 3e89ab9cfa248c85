/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.parser;

import static io.camelsse.component.sse.parser.StreamBytes.bytes;
import static io.camelsse.component.sse.parser.StreamBytes.raw;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The parser decodes values on their own rather than the stream as a whole; these tests check
 * that this gives exactly what the WHATWG decoder gives for the whole stream.
 */
class Utf8DecodingTest {

    // lead bytes of each kind, the edges of the continuation ranges, and bytes never valid
    private static final int[] INTERESTING = {
        0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
        0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
    };

    @Test
    void everySequenceOfUpToTwoBytesDecodesAsTheWhatwgDecoder() {
        for (int length = 1; length <= 2; length++) {
            byte[] bytes = new byte[length];
            for (int value = 0; value < 1 << (8 * length); value++) {
                for (int i = 0; i < length; i++) {
                    bytes[i] = (byte) (value >>> (8 * i));
                }
                assertDecodesAsWhatwg(bytes);
            }
        }
    }

    @Test
    void everySequenceOfUpToFourInterestingBytesDecodesAsTheWhatwgDecoder() {
        int n = INTERESTING.length;
        for (int length = 3; length <= 4; length++) {
            byte[] bytes = new byte[length];
            for (int value = 0; value < Math.pow(n, length); value++) {
                int rest = value;
                for (int i = 0; i < length; i++) {
                    bytes[i] = (byte) INTERESTING[rest % n];
                    rest /= n;
                }
                assertDecodesAsWhatwg(bytes);
            }
        }
    }

    @Test
    void randomSequencesDecodeAsTheWhatwgDecoder() {
        Random random = new Random(Chunking.RUN_SEED);
        for (int i = 0; i < 100_000; i++) {
            byte[] bytes = new byte[random.nextInt(32)];
            for (int j = 0; j < bytes.length; j++) {
                bytes[j] = (byte) (random.nextBoolean() ? random.nextInt(256) : INTERESTING[random.nextInt(INTERESTING.length)]);
            }
            assertDecodesAsWhatwg(bytes);
        }
    }

    /** Text-like input: long ASCII runs, Latin-1 letters, other characters, now and then a bad byte. */
    @Test
    void randomTextDecodesAsTheWhatwgDecoder() {
        String[] pieces = {"a", "json ", "{\"k\":1}", "0123456789abcdef", "\u00e9", "\u00fc", "\u00c5", "\u00ff",
            "\u0080", "\u00a0", "\u0100", "\u20ac", "\u4e2d", "\uD83D\uDE00"};
        byte[][] bad = {raw(0xC3), raw(0xC2, 0x41), raw(0xC3, 0xC3), raw(0xED, 0xA0, 0x80), raw(0xFF), raw(0x80)};
        Random random = new Random(Chunking.RUN_SEED);
        for (int i = 0; i < 20_000; i++) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            for (int n = random.nextInt(40); n > 0; n--) {
                if (random.nextInt(40) == 0) {
                    text.writeBytes(bad[random.nextInt(bad.length)]);
                } else {
                    text.writeBytes(bytes(pieces[random.nextInt(random.nextInt(3) == 0 ? pieces.length : 7)]));
                }
            }
            assertDecodesAsWhatwg(text.toByteArray());
        }
    }

    @Test
    void everyLatin1LetterAtEveryPositionOfAWord() {
        for (int letter = 0x80; letter <= 0xFF; letter++) {
            for (int prefix = 0; prefix <= 17; prefix++) {
                String text = "a".repeat(prefix) + (char) letter + "b".repeat(17 - prefix);
                byte[] encoded = bytes(text);
                assertThat(Utf8.decode(encoded, 0, encoded.length)).isEqualTo(text);
                assertDecodesAsWhatwg(encoded);
            }
        }
    }

    @Test
    void latin1LeadByteWithoutItsSecondByteIsMalformed() {
        assertThat(Utf8.decode(raw(0x41, 0xC3), 0, 2)).isEqualTo("A\uFFFD");
        assertThat(Utf8.decode(raw(0xC3, 0xA9, 0xC3, 0x41), 0, 4)).isEqualTo("\u00e9\uFFFDA");
        assertThat(Utf8.decode(raw(0xC2, 0xC3, 0xA9), 0, 3)).isEqualTo("\uFFFD\u00e9");
        // a Latin-1 letter, then a character beyond Latin-1
        byte[] beyond = bytes("\u00e9t\u00e9 \u20ac");
        assertThat(Utf8.decode(beyond, 0, beyond.length)).isEqualTo("\u00e9t\u00e9 \u20ac");
    }

    @Test
    void decodesASliceOfALargerArray() {
        byte[] bytes = bytes("xx\u00e9t\u00e9yy");
        assertThat(Utf8.decode(bytes, 2, bytes.length - 2)).isEqualTo("\u00e9t\u00e9");
        assertThat(Utf8.decode(bytes, 0, 2)).isEqualTo("xx");
        assertThat(Utf8.decode(bytes, 3, 3)).isEmpty();
    }

    @Test
    void encodedSurrogateIsThreeReplacementsAsInWhatwg() {
        // the one pattern where the JDK decoder alone would give a single U+FFFD
        assertThat(Utf8.decode(raw(0xED, 0xA0, 0x80), 0, 3)).isEqualTo("\uFFFD\uFFFD\uFFFD");
        assertThat(Utf8.decode(raw(0x41, 0xED, 0xBF, 0xBF, 0x42), 0, 5)).isEqualTo("A\uFFFD\uFFFD\uFFFDB");
        assertThat(Utf8.decode(raw(0xE2, 0x82, 0xED, 0xA0), 0, 4)).isEqualTo("\uFFFD\uFFFD\uFFFD");
        // ED with a valid second byte is a character, U+D7FF here
        assertThat(Utf8.decode(raw(0xED, 0x9F, 0xBF), 0, 3)).isEqualTo("\uD7FF");
    }

    @Test
    void validReplacementCharacterInTheInputIsKept() {
        assertThat(Utf8.decode(bytes("a\uFFFDb"), 0, 5)).isEqualTo("a\uFFFDb");
    }

    /**
     * Every way of cutting a stream in two, with characters of every length and malformed
     * sequences next to line ends, colons and the chunk boundary, gives what the reference gives.
     */
    @Test
    void streamCutAnywhereDecodesTheSame() throws EventTooLargeException {
        byte[] stream = bytes(
                "data: \u00e9\u4e2d\uD83D\uDE00", raw(0xE2, 0x82), "\n",
                "data:", raw(0xF0, 0x9F, 0x98), "\r",
                "data: ", raw(0xED, 0xA0, 0x80), "x", raw(0xC3), "\r\n",
                "event: \uD83D\uDE00", raw(0xFF), "\n",
                "id: \u2603", raw(0xE2), "\n",
                ":\u00e9", raw(0xF0, 0x9F), "\n",
                "data", raw(0xC3), ": skipped\n",
                raw(0xC3), "data: skipped\n",
                "data: \uD83D\uDE00\n\n");
        ReferenceParser reference = new ReferenceParser();
        reference.stream(stream);
        assertThat(reference.seen).hasSize(2);

        for (int cut = 0; cut <= stream.length; cut++) {
            Recorder recorder = new Recorder();
            EventStreamParser parser = new EventStreamParser(recorder);
            parser.feed(stream, 0, cut);
            parser.feed(stream, cut, stream.length - cut);
            assertThat(recorder.seen).as("cut at %d", cut).isEqualTo(reference.seen);
        }
    }

    @Test
    void characterSplitOverManyChunksStaysWhole() throws EventTooLargeException {
        for (String text : List.of("\u00e9", "\u20ac", "\uD83D\uDE00")) {
            byte[] stream = bytes("data: " + text + "\n\n");
            Recorder recorder = new Recorder();
            Chunking.oneByte().feed(new EventStreamParser(recorder), stream);
            assertThat(recorder.seen).containsExactly(Recorder.message(text));
        }
    }

    private static void assertDecodesAsWhatwg(byte[] bytes) {
        assertThat(Utf8.decode(bytes, 0, bytes.length))
                .as("%s", HexFormat.ofDelimiter(" ").formatHex(bytes))
                .isEqualTo(ReferenceUtf8Decoder.decode(bytes));
    }
}
