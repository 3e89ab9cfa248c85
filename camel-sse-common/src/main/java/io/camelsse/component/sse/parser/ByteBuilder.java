/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.parser;

import java.util.Arrays;

/**
 * A growable array holding the raw bytes of a line or of a field value until it is complete.
 *
 * <p>Bytes are decoded only once a whole value is known. That gives the same text as decoding
 * the stream as a whole: the parser only ever splits at ASCII bytes (CR, LF, colon, space), and
 * an ASCII byte never belongs to a UTF-8 multi-byte sequence, so no split falls inside a
 * character, and an incomplete sequence before the split is replaced exactly as the stream
 * decoder would replace it.
 */
final class ByteBuilder {

    private static final byte[] EMPTY = {};
    private static final int MIN_GROWTH = 128;
    // arrays a little smaller than Integer.MAX_VALUE, as some VMs refuse the last few
    private static final int MAX_ARRAY_SIZE = Integer.MAX_VALUE - 8;

    private final int maxCapacity;
    private final int retainedCapacity;
    private byte[] bytes = EMPTY;
    private int size;

    /**
     * @param maxCapacity      growth stops doubling here, so a buffer never holds much more
     *                         memory than the largest content it is allowed to hold
     * @param retainedCapacity a larger array is given back on {@link #clear()}, so one huge
     *                         event does not keep its memory for the life of the stream
     */
    ByteBuilder(int maxCapacity, int retainedCapacity) {
        this.maxCapacity = Math.min(maxCapacity, MAX_ARRAY_SIZE);
        this.retainedCapacity = retainedCapacity;
    }

    int size() {
        return size;
    }

    /** The backing array; valid up to {@link #size()} until the next change. */
    byte[] array() {
        return bytes;
    }

    void append(byte[] src, int from, int to) {
        int length = to - from;
        ensureCapacity(size + length);
        System.arraycopy(src, from, bytes, size, length);
        size += length;
    }

    void append(byte b) {
        ensureCapacity(size + 1);
        bytes[size++] = b;
    }

    /** Appends a value and one more byte in a single step, e.g. a data line and its LF. */
    void append(byte[] src, int from, int to, byte last) {
        int length = to - from;
        ensureCapacity(size + length + 1);
        System.arraycopy(src, from, bytes, size, length);
        size += length;
        bytes[size++] = last;
    }

    void set(byte[] src, int from, int to) {
        size = 0;
        append(src, from, to);
    }

    void clear() {
        size = 0;
        if (bytes.length > retainedCapacity) {
            bytes = EMPTY;
        }
    }

    boolean contentEquals(byte[] other) {
        return Arrays.equals(bytes, 0, size, other, 0, other.length);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** Decodes {@code [0, length)} as UTF-8, see {@link Utf8}. */
    String decode(int length) {
        return Utf8.decode(bytes, 0, length);
    }

    private void ensureCapacity(int needed) {
        if (needed > bytes.length) {
            if (needed < 0) {
                throw new OutOfMemoryError("event buffer larger than 2 GiB");
            }
            long doubled = Math.max((long) bytes.length * 2, MIN_GROWTH);
            int capacity = (int) Math.max(needed, Math.min(doubled, maxCapacity));
            bytes = Arrays.copyOf(bytes, capacity);
        }
    }
}
