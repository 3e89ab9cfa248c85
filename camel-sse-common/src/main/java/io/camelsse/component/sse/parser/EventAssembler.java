/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.parser;

import io.camelsse.component.sse.event.ServerSentEvent;

/**
 * Interprets complete lines as the WHATWG "interpret an event stream" rules say, keeps the
 * data, event type and last event ID buffers, and dispatches events to the listener.
 *
 * <p>Works on raw UTF-8 bytes: field names are compared as bytes (the four names are ASCII, so a
 * byte comparison is the same as comparing decoded text), and a value is decoded only when it is
 * needed as text. Data lines are never decoded one by one; the data buffer is decoded once, at
 * dispatch.
 */
final class EventAssembler {

    private static final byte LF = '\n';
    private static final byte SPACE = ' ';
    private static final byte NUL = 0;
    // a buffer above this is dropped after use rather than kept for the next event
    private static final int RETAINED_CAPACITY = 64 * 1024;
    private static final int RETAINED_TYPE_CAPACITY = 1024;
    private static final int TYPE_CACHE_ENTRIES = 8;
    private static final int CACHED_TYPE_MAX_BYTES = 256;

    private final EventStreamListener listener;
    private final ByteBuilder data;
    private final ByteBuilder type;

    // the spec's "last event ID buffer": set by id fields, copied to lastEventId at dispatch
    private String idBuffer = "";
    // the bytes of the id field of the event in progress, if it has one: part of the event's size
    private int idBytes;
    // the event in progress has an id field of its own
    private boolean ownId;
    // the spec's "last event ID string"
    private String lastEventId = "";

    // streams repeat a handful of event types: decoding each once saves a String per event
    private final byte[][] cachedTypeBytes = new byte[TYPE_CACHE_ENTRIES][];
    private final String[] cachedTypes = new String[TYPE_CACHE_ENTRIES];
    private int nextCachedType;

    EventAssembler(EventStreamListener listener, int maxEventSize) {
        this.listener = listener;
        this.data = new ByteBuilder(maxEventSize, RETAINED_CAPACITY);
        this.type = new ByteBuilder(maxEventSize, RETAINED_TYPE_CAPACITY);
    }

    static boolean isDataField(byte[] line, int from, int nameEnd) {
        return nameEnd - from == 4
                && line[from] == 'd' && line[from + 1] == 'a' && line[from + 2] == 't' && line[from + 3] == 'a';
    }

    /**
     * The size of the event in progress, as {@code maxEventSize} bounds it: its data values (each with its LF), its
     * event type and the ID it set.
     */
    int eventSize() {
        return data.size() + type.size() + idBytes;
    }

    String lastEventId() {
        return lastEventId;
    }

    /** The ID the event in progress has set itself so far, or null when it has set none. */
    String ownIdSoFar() {
        return ownId ? idBuffer : null;
    }

    void lastEventId(String id) {
        lastEventId = id;
        idBuffer = id;
    }

    /**
     * One complete line, without its line end.
     *
     * @param colon index of the first colon in the line, or -1 when it has none
     */
    void line(byte[] line, int from, int colon, int to) {
        if (from == to) {
            dispatch();
        } else if (colon == from) {
            listener.onComment(Utf8.decode(line, from + 1, to));
        } else if (colon < 0) {
            field(line, from, to, to, to);
        } else {
            field(line, from, colon, valueStart(line, colon, to), to);
        }
    }

    /** Part of the value of a {@code data} line that is still arriving. */
    void appendData(byte[] value, int from, int to) {
        data.append(value, from, to);
    }

    /** The end of a {@code data} line whose value came through {@link #appendData}. */
    void endDataLine() {
        data.append(LF);
    }

    /** The stream ended: the event in progress, and any ID it set, are dropped. */
    void endOfStream() {
        data.clear();
        type.clear();
        idBuffer = lastEventId;
        idBytes = 0;
        ownId = false;
    }

    private static int valueStart(byte[] line, int colon, int to) {
        int start = colon + 1;
        return start < to && line[start] == SPACE ? start + 1 : start;
    }

    private void field(byte[] line, int from, int nameEnd, int valueFrom, int to) {
        switch (nameEnd - from) {
            case 4 -> {
                if (isDataField(line, from, nameEnd)) {
                    data.append(line, valueFrom, to, LF);
                }
            }
            case 5 -> {
                if (line[from] == 'e' && line[from + 1] == 'v' && line[from + 2] == 'e' && line[from + 3] == 'n'
                        && line[from + 4] == 't') {
                    type.set(line, valueFrom, to);
                } else if (line[from] == 'r' && line[from + 1] == 'e' && line[from + 2] == 't'
                        && line[from + 3] == 'r' && line[from + 4] == 'y') {
                    retry(line, valueFrom, to);
                }
            }
            case 2 -> {
                if (line[from] == 'i' && line[from + 1] == 'd' && indexOf(line, valueFrom, to, NUL) < 0) {
                    idBuffer = Utf8.decode(line, valueFrom, to);
                    idBytes = to - valueFrom;
                    ownId = true;
                }
            }
            default -> {
                // any other field is ignored
            }
        }
    }

    private void retry(byte[] line, int from, int to) {
        if (from == to) {
            return;
        }
        long millis = 0;
        for (int i = from; i < to; i++) {
            int digit = line[i] - '0';
            if (digit < 0 || digit > 9) {
                return;
            }
            // a value beyond a long means "very long" to the server; clamp rather than wrap
            millis = millis > (Long.MAX_VALUE - digit) / 10 ? Long.MAX_VALUE : millis * 10 + digit;
        }
        listener.onRetry(millis);
    }

    private void dispatch() {
        lastEventId = idBuffer;
        idBytes = 0;
        boolean hadOwnId = ownId;
        ownId = false;
        int size = data.size();
        if (size == 0) {
            type.clear();
            return;
        }
        // the last LF is the one appended after the last data line
        String text = data.decode(size - 1);
        String eventType = type.size() == 0 ? ServerSentEvent.DEFAULT_TYPE : eventType();
        // reset before calling out, so a listener that throws leaves a consistent parser
        data.clear();
        type.clear();
        listener.onEvent(new ServerSentEvent(eventType, text, lastEventId, hadOwnId));
    }

    private String eventType() {
        int size = type.size();
        if (size > CACHED_TYPE_MAX_BYTES) {
            return type.decode(size);
        }
        for (int i = 0; i < TYPE_CACHE_ENTRIES && cachedTypeBytes[i] != null; i++) {
            if (type.contentEquals(cachedTypeBytes[i])) {
                return cachedTypes[i];
            }
        }
        String decoded = type.decode(size);
        cachedTypeBytes[nextCachedType] = type.toByteArray();
        cachedTypes[nextCachedType] = decoded;
        nextCachedType = (nextCachedType + 1) % TYPE_CACHE_ENTRIES;
        return decoded;
    }

    private static int indexOf(byte[] bytes, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
