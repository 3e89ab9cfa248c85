/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.benchmarks.parser;

import java.nio.charset.StandardCharsets;

/** The streams the parser benchmark reads, built once, byte for byte the same for every parser. */
final class EventStreams {

    static final int SMALL_EVENTS = 10_000;
    static final int MEDIUM_EVENTS = 1_000;
    static final int LARGE_EVENTS = 1;

    static final int SMALL_EVENT_BYTES = 100;
    static final int LARGE_DATA_BYTES = 4_000_000;

    private EventStreams() {
    }

    /** (a) Events of exactly 100 bytes: one {@code data:} line of JSON. */
    static byte[] smallEvents() {
        StringBuilder stream = new StringBuilder(SMALL_EVENTS * SMALL_EVENT_BYTES);
        for (int i = 0; i < SMALL_EVENTS; i++) {
            String json = "{\"seq\":" + i + ",\"status\":\"in_progress\",\"session\":\"5f0c\",\"note\":\"";
            String event = "data: " + json;
            // pad the note so that the whole event, blank line included, is 100 bytes
            event += "x".repeat(SMALL_EVENT_BYTES - event.length() - "\"}\n\n".length()) + "\"}\n\n";
            stream.append(event);
        }
        return ascii(stream, SMALL_EVENTS * SMALL_EVENT_BYTES);
    }

    /** (b) Events of about 1 KB with {@code event:} and {@code id:}, a little non-ASCII text in the data. */
    static byte[] mediumEvents() {
        StringBuilder stream = new StringBuilder(MEDIUM_EVENTS * 1100);
        String[] types = {"identity.created", "extraction.completed", "inbound.received"};
        for (int i = 0; i < MEDIUM_EVENTS; i++) {
            stream.append("event: ").append(types[i % types.length]).append('\n');
            stream.append("id: evt_").append(1_000_000 + i).append('\n');
            stream.append("data: {\"id\":\"evt_").append(1_000_000 + i)
                    .append("\",\"project\":\"prj_7Qx\",\"identity_id\":\"idn_").append(i)
                    .append("\",\"name\":\"Ren\u00e9e M\u00fcller-\u00c5str\u00f6m\",\"items\":[");
            for (int item = 0; item < 14; item++) {
                stream.append(item == 0 ? "" : ",").append("{\"key\":\"field_").append(item)
                        .append("\",\"value\":\"lorem ipsum dolor sit amet ").append(item * 31).append("\"}");
            }
            stream.append("],\"city\":\"Z\u00fcrich\"}\n\n");
        }
        return stream.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** (c) One event of 4,000,000 data bytes on one line. */
    static byte[] largeEvent() {
        StringBuilder stream = new StringBuilder(LARGE_DATA_BYTES + 16);
        stream.append("data: ");
        String pattern = "{\"k\":\"0123456789abcdefghijklmnopqrstuvwxyz\"},";
        while (stream.length() < 6 + LARGE_DATA_BYTES) {
            stream.append(pattern, 0, Math.min(pattern.length(), 6 + LARGE_DATA_BYTES - stream.length()));
        }
        stream.append("\n\n");
        return ascii(stream, LARGE_DATA_BYTES + 8);
    }

    private static byte[] ascii(StringBuilder stream, int expectedLength) {
        byte[] bytes = stream.toString().getBytes(StandardCharsets.US_ASCII);
        if (bytes.length != expectedLength) {
            throw new IllegalStateException("stream is " + bytes.length + " bytes, not " + expectedLength);
        }
        return bytes;
    }
}
