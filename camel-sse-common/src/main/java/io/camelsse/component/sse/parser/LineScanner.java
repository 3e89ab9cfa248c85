/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.parser;

/**
 * Finds the bytes that structure an event stream. All of them (CR, LF, colon) are ASCII, and an
 * ASCII byte never occurs inside a UTF-8 multi-byte sequence, so the search runs on raw bytes
 * and leaves decoding for later.
 */
final class LineScanner {

    static final byte CR = '\r';
    static final byte LF = '\n';
    static final byte COLON = ':';

    private static final long CRS = Swar.broadcast(CR);
    private static final long LFS = Swar.broadcast(LF);

    private LineScanner() {
    }

    /** Index of the first CR or LF in {@code [from, to)}, or {@code to}. */
    static int lineEnd(byte[] bytes, int from, int to) {
        int i = from;
        // values are most of a stream and can be long: eight bytes per step
        for (int last = to - Swar.WORD; i <= last; i += Swar.WORD) {
            long word = Swar.word(bytes, i);
            long found = Swar.equalBytes(word, LFS) | Swar.equalBytes(word, CRS);
            if (found != 0) {
                return i + Swar.firstFlagged(found);
            }
        }
        for (; i < to; i++) {
            byte b = bytes[i];
            if (b == LF || b == CR) {
                return i;
            }
        }
        return to;
    }

    /** Index of the first colon, CR or LF in {@code [from, to)}, or {@code to}. */
    static int fieldNameEnd(byte[] bytes, int from, int to) {
        // field names are a few bytes long: a plain loop is quickest
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == COLON || b == LF || b == CR) {
                return i;
            }
        }
        return to;
    }
}
