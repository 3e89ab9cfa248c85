/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.parser;

import java.nio.ByteBuffer;
import java.util.Random;

/** A way of cutting a stream into the chunks a parser is fed with. */
abstract class Chunking {

    /** A seed for the random chunkings of this run; set {@code -Dsse.test.seed=...} to replay one. */
    static final long RUN_SEED = Long.getLong("sse.test.seed", System.nanoTime());

    abstract void feed(EventStreamParser parser, byte[] stream) throws EventTooLargeException;

    static Chunking whole() {
        return new Chunking() {
            @Override
            void feed(EventStreamParser parser, byte[] stream) throws EventTooLargeException {
                parser.feed(stream, 0, stream.length);
            }

            @Override
            public String toString() {
                return "whole";
            }
        };
    }

    static Chunking oneByte() {
        return new Chunking() {
            @Override
            void feed(EventStreamParser parser, byte[] stream) throws EventTooLargeException {
                for (int i = 0; i < stream.length; i++) {
                    parser.feed(stream, i, 1);
                }
            }

            @Override
            public String toString() {
                return "1-byte chunks";
            }
        };
    }

    static Chunking fixed(int size) {
        return new Chunking() {
            @Override
            void feed(EventStreamParser parser, byte[] stream) throws EventTooLargeException {
                for (int i = 0; i < stream.length; i += size) {
                    parser.feed(stream, i, Math.min(size, stream.length - i));
                }
            }

            @Override
            public String toString() {
                return size + "-byte chunks";
            }
        };
    }

    /**
     * Chunks of random sizes, mostly small so they split lines, characters and CRLFs, passed in
     * every form {@code feed} accepts: array slices, heap, read-only and direct buffers.
     */
    static Chunking random(long seed) {
        return new Chunking() {
            @Override
            void feed(EventStreamParser parser, byte[] stream) throws EventTooLargeException {
                Random random = new Random(seed);
                int pos = 0;
                while (pos < stream.length) {
                    int size = random.nextInt(8) == 0 ? 1 + random.nextInt(4096) : 1 + random.nextInt(12);
                    size = Math.min(size, stream.length - pos);
                    feedChunk(parser, stream, pos, size, random.nextInt(4));
                    pos += size;
                }
            }

            @Override
            public String toString() {
                return "random chunks, seed " + seed;
            }
        };
    }

    private static void feedChunk(EventStreamParser parser, byte[] stream, int pos, int size, int form)
            throws EventTooLargeException {
        switch (form) {
            case 0 -> parser.feed(stream, pos, size);
            case 1 -> {
                // a slice, so that arrayOffset() is not 0
                ByteBuffer slice = ByteBuffer.wrap(stream, pos, size).slice();
                parser.feed(slice);
                check(slice);
            }
            case 2 -> {
                ByteBuffer readOnly = ByteBuffer.wrap(stream, pos, size).asReadOnlyBuffer();
                parser.feed(readOnly);
                check(readOnly);
            }
            default -> {
                ByteBuffer direct = ByteBuffer.allocateDirect(size);
                direct.put(stream, pos, size).flip();
                parser.feed(direct);
                check(direct);
            }
        }
    }

    private static void check(ByteBuffer consumed) {
        if (consumed.hasRemaining()) {
            throw new AssertionError("feed(ByteBuffer) left " + consumed.remaining() + " bytes");
        }
    }
}
