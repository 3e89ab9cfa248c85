/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.parser;

import static io.camelsse.component.sse.parser.LineScanner.COLON;
import static io.camelsse.component.sse.parser.LineScanner.CR;
import static io.camelsse.component.sse.parser.LineScanner.LF;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Incremental parser of a {@code text/event-stream} body, following the WHATWG HTML rules for
 * interpreting an event stream, fed with byte chunks as they arrive from the network.
 *
 * <ul>
 *   <li>The stream is decoded as UTF-8 whatever the charset parameter says; malformed bytes become
 *       U+FFFD (one per maximal subpart, as the WHATWG decoder does). A character split between
 *       two chunks is decoded whole.</li>
 *   <li>One byte order mark at the start of each stream is skipped.</li>
 *   <li>Lines end with CR, LF or CRLF, also when the CR ends one chunk and the LF starts the next.</li>
 *   <li>{@code data}, {@code event}, {@code id} and {@code retry} fields, comments and blank lines
 *       are reported to the {@link EventStreamListener} as the rules say; other fields are
 *       ignored. The last event ID persists across events and across streams.</li>
 * </ul>
 *
 * <p>Parsing takes linear time whatever the chunk boundaries: the search for line ends and colons
 * looks at every byte once and never goes back over bytes of an earlier chunk, and values are
 * copied and decoded once. Memory is bounded by {@code maxEventSize}, see
 * {@link #EventStreamParser(EventStreamListener, int)}.
 *
 * <p>One stream is one HTTP response body: call {@link #endOfStream()} when it ends, and feed the
 * body of the next connection to the same parser, so that the last event ID carries over.
 *
 * <p>Not thread-safe: feed it from one thread at a time. The listener is called synchronously
 * from {@code feed}, in stream order. An exception thrown by the listener propagates to the caller
 * of {@code feed}; the rest of that chunk is then not parsed.
 */
public final class EventStreamParser {

    /** The default for the largest event accepted, in bytes: 4 MiB. */
    public static final int DEFAULT_MAX_EVENT_SIZE = 4 * 1024 * 1024;

    private static final byte SPACE = ' ';
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int PAST_BOM = -1;
    private static final int RETAINED_LINE_CAPACITY = 64 * 1024;
    private static final int DIRECT_BUFFER_COPY_SIZE = 8 * 1024;

    // What is known about a line that began in an earlier chunk.
    private static final int NO_LINE = 0;
    // no colon yet; its bytes are in `line`
    private static final int IN_NAME = 1;
    // a colon at `lineColon`; its bytes are in `line`
    private static final int IN_VALUE = 2;
    // a data field: the value goes straight to the data buffer, as it is the one that can be large
    private static final int IN_DATA_VALUE = 3;

    private final EventAssembler assembler;
    private final ByteBuilder line;
    private final int maxEventSize;

    private int lineState = NO_LINE;
    private int lineColon;
    // raw bytes of the pending line so far, wherever they are kept
    private int lineLength;
    // how long the pending line may grow: what the event so far left of maxEventSize when it began
    private int lineBudget;
    // in IN_DATA_VALUE: the byte after the colon has not arrived yet, so a space may still be due
    private boolean spaceMayFollowColon;
    // the previous chunk ended with CR: an LF first in this one belongs to the same line end
    private boolean skipLf;
    // BOM bytes matched at the start of the stream, or PAST_BOM
    private int bomMatched;
    private boolean failed;
    private byte[] directBufferCopy;

    /**
     * A parser accepting events up to {@link #DEFAULT_MAX_EVENT_SIZE}.
     *
     * @param listener receives the events, retry values and comments
     */
    public EventStreamParser(EventStreamListener listener) {
        this(listener, DEFAULT_MAX_EVENT_SIZE);
    }

    /**
     * A parser accepting events up to {@code maxEventSize} bytes.
     *
     * <p>An event's size is the raw bytes the parser holds for it: the data buffer (every
     * {@code data} value of the event so far, each with one LF), its event type and the ID it set,
     * plus the line being read, counted with its field name, colon and spaces but without its line
     * end. Every line counts, comments and other fields included, so no single line can be longer
     * than {@code maxEventSize} either. When a chunk would take an event past the limit, {@code feed}
     * throws {@link EventTooLargeException}: nothing of that event is delivered.
     *
     * @param listener     receives the events, retry values and comments
     * @param maxEventSize the largest event accepted, in bytes; at least 1
     */
    public EventStreamParser(EventStreamListener listener, int maxEventSize) {
        Objects.requireNonNull(listener, "listener");
        if (maxEventSize < 1) {
            throw new IllegalArgumentException("maxEventSize must be at least 1, was " + maxEventSize);
        }
        this.maxEventSize = maxEventSize;
        this.assembler = new EventAssembler(listener, maxEventSize);
        this.line = new ByteBuilder(maxEventSize, RETAINED_LINE_CAPACITY);
    }

    /**
     * Parses the remaining bytes of {@code chunk}, calling the listener for whatever they
     * complete. The buffer's position is moved to its limit.
     *
     * @throws EventTooLargeException when an event grows larger than {@code maxEventSize}; the
     *                                parser then accepts no more bytes until {@link #endOfStream()}
     * @throws IllegalStateException  when called after an {@link EventTooLargeException} without
     *                                {@link #endOfStream()} in between
     */
    public void feed(ByteBuffer chunk) throws EventTooLargeException {
        int length = chunk.remaining();
        if (chunk.hasArray()) {
            int offset = chunk.arrayOffset() + chunk.position();
            chunk.position(chunk.limit());
            feed(chunk.array(), offset, length);
            return;
        }
        if (directBufferCopy == null) {
            directBufferCopy = new byte[DIRECT_BUFFER_COPY_SIZE];
        }
        try {
            while (chunk.hasRemaining()) {
                int n = Math.min(chunk.remaining(), directBufferCopy.length);
                chunk.get(directBufferCopy, 0, n);
                feed(directBufferCopy, 0, n);
            }
        } finally {
            chunk.position(chunk.limit());
        }
    }

    /**
     * Parses {@code length} bytes of {@code bytes} from {@code offset}, calling the listener for
     * whatever they complete. The array is not kept after the call returns.
     *
     * @throws EventTooLargeException when an event grows larger than {@code maxEventSize}; the
     *                                parser then accepts no more bytes until {@link #endOfStream()}
     * @throws IllegalStateException  when called after an {@link EventTooLargeException} without
     *                                {@link #endOfStream()} in between
     */
    public void feed(byte[] bytes, int offset, int length) throws EventTooLargeException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (failed) {
            throw new IllegalStateException(
                    "An event exceeded maxEventSize; call endOfStream() before feeding the next stream");
        }
        int end = offset + length;
        try {
            int pos = bomMatched == PAST_BOM ? offset : skipBom(bytes, offset, end);
            parse(bytes, pos, end);
        } catch (EventTooLargeException e) {
            endOfStream();
            failed = true;
            throw e;
        }
    }

    /**
     * Ends the current stream, e.g. when the connection's body ends or the connection is dropped.
     * The event in progress, not yet ended by a blank line, is discarded (an {@code id} it
     * contained included). The last event ID is kept; the next byte fed starts a new stream, which
     * may begin with a byte order mark again. Also makes the parser usable again after an
     * {@link EventTooLargeException}.
     */
    public void endOfStream() {
        lineState = NO_LINE;
        line.clear();
        lineLength = 0;
        skipLf = false;
        bomMatched = 0;
        failed = false;
        assembler.endOfStream();
    }

    /**
     * The last event ID string: the ID of the last event dispatched, or the last ID set by an
     * {@code id} field before a blank line even if no event was dispatched. Survives
     * {@link #endOfStream()}; sent as {@code Last-Event-ID} when reconnecting.
     *
     * @return the ID, never null; empty when none was set
     */
    public String lastEventId() {
        return assembler.lastEventId();
    }

    /**
     * Sets the last event ID string, e.g. to resume from a stored ID. Meant to be called before
     * a stream starts; an {@code id} field of an event in progress is forgotten.
     *
     * @param id the ID; null means empty
     */
    public void lastEventId(String id) {
        assembler.lastEventId(id == null ? "" : id);
    }

    private int skipBom(byte[] bytes, int pos, int end) throws EventTooLargeException {
        while (pos < end && bomMatched < BOM.length) {
            if (bytes[pos] != BOM[bomMatched]) {
                // a BOM prefix followed by something else was content, not a BOM
                int content = bomMatched;
                bomMatched = PAST_BOM;
                parse(BOM, 0, content);
                return pos;
            }
            bomMatched++;
            pos++;
        }
        if (bomMatched == BOM.length) {
            bomMatched = PAST_BOM;
        }
        return pos;
    }

    private void parse(byte[] bytes, int pos, int end) throws EventTooLargeException {
        if (pos < end && skipLf) {
            skipLf = false;
            if (bytes[pos] == LF) {
                pos++;
            }
        }
        if (pos < end && lineState != NO_LINE) {
            pos = continueLine(bytes, pos, end);
        }
        while (pos < end) {
            pos = nextLine(bytes, pos, end);
        }
    }

    /** Reads a line starting at {@code start}; returns where the next one starts. */
    private int nextLine(byte[] bytes, int start, int end) throws EventTooLargeException {
        int colon = -1;
        int p = LineScanner.fieldNameEnd(bytes, start, end);
        if (p < end && bytes[p] == COLON) {
            colon = p;
            p = LineScanner.lineEnd(bytes, p + 1, end);
        }
        if (p == end) {
            return beginPendingLine(bytes, start, colon, end);
        }
        if (p - start > maxEventSize - assembler.eventSize()) {
            throw new EventTooLargeException(maxEventSize, assembler.ownIdSoFar());
        }
        int next = afterLineEnd(bytes, p, end);
        assembler.line(bytes, start, colon, p);
        return next;
    }

    /** The chunk ended inside a line: keep what is needed to finish it with the next chunk. */
    private int beginPendingLine(byte[] bytes, int start, int colon, int end) throws EventTooLargeException {
        lineBudget = maxEventSize - assembler.eventSize();
        lineLength = 0;
        if (colon >= 0 && EventAssembler.isDataField(bytes, start, colon)) {
            lineState = IN_DATA_VALUE;
            countLineBytes(end - start);
            int valueStart = colon + 1;
            spaceMayFollowColon = valueStart == end;
            if (!spaceMayFollowColon && bytes[valueStart] == SPACE) {
                valueStart++;
            }
            assembler.appendData(bytes, valueStart, end);
            return end;
        }
        lineState = colon < 0 ? IN_NAME : IN_VALUE;
        lineColon = colon - start;
        appendToLine(bytes, start, end);
        return end;
    }

    /** Carries on with a line that began in an earlier chunk; returns where the next one starts. */
    private int continueLine(byte[] bytes, int pos, int end) throws EventTooLargeException {
        if (lineState == IN_DATA_VALUE) {
            return continueDataValue(bytes, pos, end);
        }
        if (lineState == IN_NAME) {
            int p = LineScanner.fieldNameEnd(bytes, pos, end);
            appendToLine(bytes, pos, p);
            if (p == end) {
                return end;
            }
            if (bytes[p] != COLON) {
                return endPendingLine(bytes, p, end);
            }
            if (EventAssembler.isDataField(line.array(), 0, line.size())) {
                line.clear();
                countLineBytes(1);
                lineState = IN_DATA_VALUE;
                spaceMayFollowColon = true;
                return continueDataValue(bytes, p + 1, end);
            }
            lineState = IN_VALUE;
            lineColon = line.size();
            pos = p;
        }
        int p = LineScanner.lineEnd(bytes, pos, end);
        appendToLine(bytes, pos, p);
        return p == end ? end : endPendingLine(bytes, p, end);
    }

    private int continueDataValue(byte[] bytes, int pos, int end) throws EventTooLargeException {
        if (spaceMayFollowColon && pos < end) {
            spaceMayFollowColon = false;
            if (bytes[pos] == SPACE) {
                countLineBytes(1);
                pos++;
            }
        }
        int p = LineScanner.lineEnd(bytes, pos, end);
        countLineBytes(p - pos);
        assembler.appendData(bytes, pos, p);
        if (p == end) {
            return end;
        }
        lineState = NO_LINE;
        int next = afterLineEnd(bytes, p, end);
        assembler.endDataLine();
        return next;
    }

    /** The line end at {@code p} completes the line kept in {@code line}. */
    private int endPendingLine(byte[] bytes, int p, int end) {
        int next = afterLineEnd(bytes, p, end);
        int colon = lineState == IN_VALUE ? lineColon : -1;
        lineState = NO_LINE;
        try {
            assembler.line(line.array(), 0, colon, line.size());
        } finally {
            line.clear();
        }
        return next;
    }

    private void appendToLine(byte[] bytes, int from, int to) throws EventTooLargeException {
        countLineBytes(to - from);
        line.append(bytes, from, to);
    }

    private void countLineBytes(int n) throws EventTooLargeException {
        // compared this way round so that a limit close to Integer.MAX_VALUE cannot overflow
        if (n > lineBudget - lineLength) {
            throw new EventTooLargeException(maxEventSize, assembler.ownIdSoFar());
        }
        lineLength += n;
    }

    /** Skips the line end at {@code p}: CR, LF or CRLF, the LF possibly in the next chunk. */
    private int afterLineEnd(byte[] bytes, int p, int end) {
        if (bytes[p] == CR) {
            if (p + 1 == end) {
                skipLf = true;
            } else if (bytes[p + 1] == LF) {
                return p + 2;
            }
        }
        return p + 1;
    }
}
