/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.parser;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Looks at eight bytes at a time ("SIMD within a register"): the long searches of the parser,
 * for line ends and for non-ASCII bytes, run over megabytes when events are large.
 */
final class Swar {

    static final int WORD = Long.BYTES;
    static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x0101010101010101L;
    // little-endian, so that the lowest flagged bit belongs to the first byte in the array
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Swar() {
    }

    static long word(byte[] bytes, int index) {
        return (long) LONGS.get(bytes, index);
    }

    /** A word with {@code b} in each of its bytes, for {@link #equalBytes}. */
    static long broadcast(byte b) {
        return (b & 0xFFL) * LOW_BITS;
    }

    /**
     * Sets the high bit of each byte of {@code word} equal to the byte in {@code broadcast}. A
     * borrow can also flag a byte above a real match, never one below, so the lowest flag is exact.
     */
    static long equalBytes(long word, long broadcast) {
        long zeroWhereEqual = word ^ broadcast;
        return (zeroWhereEqual - LOW_BITS) & ~zeroWhereEqual & HIGH_BITS;
    }

    /** Index, within its word, of the first byte flagged in {@code flags} (not 0). */
    static int firstFlagged(long flags) {
        return Long.numberOfTrailingZeros(flags) >>> 3;
    }
}
