/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The word-at-a-time line end search must find exactly what a byte-by-byte search finds. */
class LineScannerTest {

    // bytes that differ from CR or LF by one bit, or share their low bits, to catch false matches
    private static final byte[] FILLERS = {
        'a', 0x00, 0x09, 0x0B, 0x0C, 0x0E, (byte) 0x8A, (byte) 0x8D, (byte) 0xFF, (byte) 0x80, 0x2A, 0x1A,
    };

    @Test
    void findsTheFirstLineEndAtEveryPositionAndOffset() {
        for (byte filler : FILLERS) {
            for (int length = 0; length <= 40; length++) {
                byte[] bytes = new byte[length + 3];
                for (int from = 0; from <= 3; from++) {
                    for (int position = -1; position < length; position++) {
                        for (byte lineEnd : new byte[] {LineScanner.LF, LineScanner.CR}) {
                            Arrays.fill(bytes, filler);
                            if (position >= 0) {
                                bytes[from + position] = lineEnd;
                                // a second line end later on must not win
                                if (from + position + 2 < bytes.length) {
                                    bytes[from + position + 2] = LineScanner.LF;
                                }
                            }
                            int to = from + length;
                            assertThat(LineScanner.lineEnd(bytes, from, to))
                                    .as("filler %02X, length %d, from %d, line end at %d", filler, length, from, position)
                                    .isEqualTo(naiveLineEnd(bytes, from, to));
                        }
                    }
                }
            }
        }
    }

    @Test
    void fieldNameEndStopsAtColonCrOrLf() {
        byte[] bytes = "data: x\r\n".getBytes();
        assertThat(LineScanner.fieldNameEnd(bytes, 0, bytes.length)).isEqualTo(4);
        assertThat(LineScanner.fieldNameEnd(bytes, 5, bytes.length)).isEqualTo(7);
        assertThat(LineScanner.fieldNameEnd(bytes, 8, bytes.length)).isEqualTo(8);
        assertThat(LineScanner.fieldNameEnd(bytes, 0, 3)).isEqualTo(3);
    }

    private static int naiveLineEnd(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                return i;
            }
        }
        return to;
    }
}
