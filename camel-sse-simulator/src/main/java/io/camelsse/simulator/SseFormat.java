/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Encodes events once into the bytes written to every stream. */
final class SseFormat {

    static final Buffer KEEP_ALIVE = direct(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));

    private SseFormat() {
    }

    /** A Predicate event: a single {@code data:} field, no {@code event:} and no {@code id:}. */
    static Buffer dataOnly(String data) {
        StringBuilder sb = new StringBuilder(data.length() + 16);
        appendData(sb, data);
        sb.append('\n');
        return direct(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The bytes in off-heap memory, so that writing them to many sockets copies nothing per socket (a heap
     * buffer is copied to a direct one on every write). The memory is the JDK's, freed when the buffer is
     * garbage collected; writes never release it.
     */
    static Buffer direct(byte[] bytes) {
        ByteBuffer b = ByteBuffer.allocateDirect(bytes.length);
        b.put(bytes).flip();
        return Buffer.buffer(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(b)));
    }

    /** Several encoded events in one buffer, off-heap like {@link #direct(byte[])}. */
    static Buffer concat(java.util.List<Buffer> parts, int totalLength) {
        ByteBuffer b = ByteBuffer.allocateDirect(totalLength);
        for (Buffer p : parts) {
            b.put(p.getByteBuf().nioBuffer());
        }
        b.flip();
        return Buffer.buffer(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(b)));
    }

    /** An AidenID event: {@code event:}, {@code id:}, {@code retry:} (when set) and {@code data:}. */
    static Buffer event(String type, String id, long retryMillis, String data) {
        StringBuilder sb = new StringBuilder(data.length() + 64);
        if (type != null) {
            sb.append("event: ").append(type).append('\n');
        }
        if (id != null) {
            sb.append("id: ").append(id).append('\n');
        }
        if (retryMillis >= 0) {
            sb.append("retry: ").append(retryMillis).append('\n');
        }
        appendData(sb, data);
        sb.append('\n');
        return direct(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes one {@code data:} line per line of the value, so a multi-line value survives. */
    private static void appendData(StringBuilder sb, String data) {
        int start = 0;
        int n = data.length();
        for (int i = 0; i < n; i++) {
            char c = data.charAt(i);
            if (c == '\r' || c == '\n') {
                sb.append("data: ").append(data, start, i).append('\n');
                if (c == '\r' && i + 1 < n && data.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        sb.append("data: ").append(data, start, n).append('\n');
    }
}
