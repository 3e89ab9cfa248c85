/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.parser;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds test streams from text (encoded as UTF-8) and raw bytes, e.g. invalid UTF-8. */
final class StreamBytes {

    static final byte[] BOM = raw(0xEF, 0xBB, 0xBF);

    private StreamBytes() {
    }

    /** Concatenates the parts: a {@code String} as UTF-8, a {@code byte[]} as is. */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            } else if (part instanceof byte[] raw) {
                out.writeBytes(raw);
            } else {
                throw new IllegalArgumentException("not a stream part: " + part);
            }
        }
        return out.toByteArray();
    }

    static byte[] raw(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }

    /** Shows a stream with its control and non-ASCII bytes escaped, for failure messages. */
    static String show(byte[] stream) {
        StringBuilder text = new StringBuilder();
        for (byte b : stream) {
            int v = b & 0xFF;
            if (v >= 0x20 && v < 0x7F && v != '\\') {
                text.append((char) v);
            } else if (v == '\n') {
                text.append("\\n");
            } else if (v == '\r') {
                text.append("\\r");
            } else {
                text.append(String.format("\\x%02X", v));
            }
        }
        return text.toString();
    }
}
