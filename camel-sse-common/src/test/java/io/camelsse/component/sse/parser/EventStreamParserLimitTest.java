/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.parser;

import static io.camelsse.component.sse.parser.Recorder.comment;
import static io.camelsse.component.sse.parser.Recorder.message;
import static io.camelsse.component.sse.parser.StreamBytes.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code maxEventSize} bounds the bytes held for one event: its data buffer, event type and ID plus
 * the line being read. Past it, {@code feed} throws, nothing of that event is delivered, and the parser wants
 * {@code endOfStream()} before it reads again.
 */
class EventStreamParserLimitTest {

    private static final int LIMIT = 1000;
    private static final int PARSERS = 50;

    static List<Chunking> chunkings() {
        return List.of(Chunking.whole(), Chunking.oneByte(), Chunking.fixed(7),
                Chunking.random(Chunking.RUN_SEED));
    }

    @ParameterizedTest
    @MethodSource("chunkings")
    void lineOfExactlyTheLimitIsAccepted(Chunking chunking) throws EventTooLargeException {
        String value = "x".repeat(LIMIT - "data:".length());
        Recorder recorder = new Recorder();
        chunking.feed(new EventStreamParser(recorder, LIMIT), bytes("data:" + value + "\n\n"));
        assertThat(recorder.seen).containsExactly(message(value));
    }

    @ParameterizedTest
    @MethodSource("chunkings")
    void lineOneByteOverTheLimitIsRefused(Chunking chunking) {
        String value = "x".repeat(LIMIT - "data:".length() + 1);
        assertRefused(chunking, bytes("data: first\n\n", "data:" + value + "\n\n"), message("first"));
    }

    @ParameterizedTest
    @MethodSource("chunkings")
    void manyDataLinesOverTheLimitAreRefused(Chunking chunking) {
        // each line adds 10 bytes to the data buffer ("123456789" and its LF)
        String lines = "data: 123456789\n".repeat(LIMIT / 10);
        assertRefused(chunking, bytes("data: first\n\n", lines, "\n"), message("first"));
    }

    @ParameterizedTest
    @MethodSource("chunkings")
    void longCommentIsRefused(Chunking chunking) {
        assertRefused(chunking, bytes(":ok\n:" + "c".repeat(LIMIT) + "\n"), comment("ok"));
    }

    @ParameterizedTest
    @MethodSource("chunkings")
    void longLineOfAnyOtherFieldIsRefused(Chunking chunking) {
        assertRefused(chunking, bytes("event: " + "e".repeat(LIMIT) + "\ndata: x\n\n"));
        assertRefused(chunking, bytes("id: " + "1".repeat(LIMIT) + "\n\n"));
        assertRefused(chunking, bytes("retry: " + "1".repeat(LIMIT) + "\n"));
        assertRefused(chunking, bytes("unknown: " + "u".repeat(LIMIT) + "\n"));
        assertRefused(chunking, bytes("n".repeat(LIMIT + 1) + "\n"));
    }

    @ParameterizedTest
    @MethodSource("chunkings")
    void limitCountsTheDataBufferPlusTheWholeLine(Chunking chunking) throws EventTooLargeException {
        // "data: 0123456789" leaves 11 bytes in the data buffer; a 9-byte line fits in 20, 10 bytes do not
        Recorder recorder = new Recorder();
        chunking.feed(new EventStreamParser(recorder, 20), bytes("data: 0123456789\ndata:abcd\n\n"));
        assertThat(recorder.seen).containsExactly(message("0123456789\nabcd"));

        assertThatThrownBy(() -> chunking.feed(new EventStreamParser(new Recorder(), 20),
                bytes("data: 0123456789\ndata: abcd\n\n")))
                .isInstanceOf(EventTooLargeException.class);
    }

    @ParameterizedTest
    @MethodSource("chunkings")
    void limitCountsTheEventTypeAndTheIdOfTheEvent(Chunking chunking) throws EventTooLargeException {
        // 30 + 30 bytes held leave 40 for the data line of 36 bytes; 40 + 40 leave 20, too few for 46
        Recorder recorder = new Recorder();
        chunking.feed(new EventStreamParser(recorder, 100),
                bytes("event: " + "t".repeat(30) + "\nid: " + "i".repeat(30) + "\ndata: " + "d".repeat(30) + "\n\n"));
        assertThat(recorder.seen).hasSize(1);

        Recorder refused = new Recorder();
        assertThatThrownBy(() -> chunking.feed(new EventStreamParser(refused, 100),
                bytes("event: " + "t".repeat(40) + "\nid: " + "i".repeat(40) + "\ndata: " + "d".repeat(40) + "\n\n")))
                .isInstanceOf(EventTooLargeException.class);
        assertThat(refused.seen).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("chunkings")
    void anIdSetByAnEarlierEventIsNotPartOfTheNext(Chunking chunking) throws EventTooLargeException {
        Recorder recorder = new Recorder();
        chunking.feed(new EventStreamParser(recorder, 100),
                bytes("id: " + "i".repeat(60) + "\ndata: a\n\ndata: " + "d".repeat(60) + "\n\n"));
        assertThat(recorder.seen).hasSize(2);
    }

    @Test
    void unterminatedLineIsRefusedAsSoonAsItPassesTheLimit() throws EventTooLargeException {
        EventStreamParser parser = new EventStreamParser(new Recorder(), LIMIT);
        byte[] chunk = bytes("x".repeat(100));
        parser.feed(bytes("data: "), 0, 6);
        int fed = 6;
        try {
            while (fed < 10 * LIMIT) {
                parser.feed(chunk, 0, chunk.length);
                fed += chunk.length;
            }
        } catch (EventTooLargeException e) {
            assertThat(fed).isLessThanOrEqualTo(LIMIT);
            return;
        }
        throw new AssertionError("a line longer than maxEventSize was accepted");
    }

    @Test
    void exceptionNamesTheLimit() {
        EventStreamParser parser = new EventStreamParser(new Recorder(), 64);
        byte[] stream = bytes("data: " + "x".repeat(100) + "\n\n");
        assertThatThrownBy(() -> parser.feed(stream, 0, stream.length))
                .isInstanceOf(IOException.class)
                .isInstanceOfSatisfying(EventTooLargeException.class, e -> assertThat(e.maxEventSize()).isEqualTo(64))
                .hasMessageContaining("64");
    }

    @Test
    void parserRefusesBytesAfterTheErrorUntilEndOfStream() {
        EventStreamParser parser = new EventStreamParser(new Recorder(), 10);
        byte[] tooLarge = bytes("data: 0123456789\n\n");
        assertThatThrownBy(() -> parser.feed(tooLarge, 0, tooLarge.length)).isInstanceOf(EventTooLargeException.class);

        byte[] next = bytes("data: x\n\n");
        assertThatThrownBy(() -> parser.feed(next, 0, next.length))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("endOfStream");
    }

    @Test
    void parserWorksAgainAfterEndOfStreamAndKeepsTheLastEventId() throws EventTooLargeException {
        Recorder recorder = new Recorder();
        EventStreamParser parser = new EventStreamParser(recorder, 30);
        byte[] first = bytes("id: 1\ndata: a\n\nid: 2\ndata: " + "x".repeat(40) + "\n\ndata: lost\n\n");
        assertThatThrownBy(() -> parser.feed(first, 0, first.length)).isInstanceOf(EventTooLargeException.class);

        parser.endOfStream();
        byte[] second = bytes("data: b\n\n");
        parser.feed(second, 0, second.length);

        assertThat(recorder.seen).containsExactly(message("a", "1"), message("b", "1"));
        assertThat(parser.lastEventId()).isEqualTo("1");
    }

    @ParameterizedTest
    @MethodSource("chunkings")
    void refusalNamesTheIdTheDroppedEventSetBeforeTheLimit(Chunking chunking) {
        String huge = "x".repeat(LIMIT);
        assertThat(droppedEventId(chunking, "id: 1\ndata: a\n\nevent: big\nid: 2\ndata: " + huge + "\n\n"))
                .isEqualTo("2");
        assertThat(droppedEventId(chunking, "id: 1\ndata: a\n\nid:\ndata: " + huge + "\n\n"))
                .as("an empty id of its own").isEmpty();
        assertThat(droppedEventId(chunking, "id: 1\ndata: a\n\ndata: " + huge + "\nid: 2\n\n"))
                .as("its id line comes after the limit was reached").isNull();
        assertThat(droppedEventId(chunking, "id: 1\ndata: a\n\ndata: " + huge + "\n\n"))
                .as("no id of its own: the inherited one is not the dropped event's").isNull();
    }

    private static String droppedEventId(Chunking chunking, String stream) {
        EventStreamParser parser = new EventStreamParser(new Recorder(), LIMIT);
        try {
            chunking.feed(parser, bytes(stream));
        } catch (EventTooLargeException e) {
            return e.droppedEventId();
        }
        throw new AssertionError("not refused: " + stream);
    }

    @Test
    void defaultLimitIsFourMebibytes() throws EventTooLargeException {
        assertThat(EventStreamParser.DEFAULT_MAX_EVENT_SIZE).isEqualTo(4 * 1024 * 1024);
        String value = "v".repeat(EventStreamParser.DEFAULT_MAX_EVENT_SIZE - "data:".length());
        Recorder recorder = new Recorder();
        EventStreamParser parser = new EventStreamParser(recorder);
        Chunking.fixed(64 * 1024).feed(parser, bytes("data:" + value + "\n\n"));
        assertThat(recorder.events()).singleElement().extracting(e -> e.data().length()).isEqualTo(value.length());

        byte[] oneMore = bytes("data:" + value + "v\n\n");
        assertThatThrownBy(() -> parser.feed(oneMore, 0, oneMore.length))
                .isInstanceOfSatisfying(EventTooLargeException.class,
                        e -> assertThat(e.maxEventSize()).isEqualTo(EventStreamParser.DEFAULT_MAX_EVENT_SIZE));
    }

    @Test
    void memoryOfALargeEventIsGivenBackOnceItIsDispatched() throws EventTooLargeException {
        // each parser is kept: had they kept their buffers, some 200 MB would stay, not the few KB of idle parsers
        byte[] largeEvent = bytes("data: " + "x".repeat(2_000_000) + "\n\n");
        byte[] largeComment = bytes(":" + "c".repeat(2_000_000) + "\n");
        int[] events = new int[1];
        List<EventStreamParser> kept = new ArrayList<>();
        long before = RetainedHeap.usedAfterGc();
        for (int i = 0; i < PARSERS; i++) {
            EventStreamParser parser = new EventStreamParser(event -> events[0]++);
            Chunking.fixed(8192).feed(parser, largeEvent);
            Chunking.fixed(8192).feed(parser, largeComment);
            kept.add(parser);
        }
        assertThat(events[0]).isEqualTo(PARSERS);
        assertThat(RetainedHeap.usedAfterGc() - before).as("bytes held by %d parsers", kept.size())
                .isLessThan(PARSERS * 256 * 1024L);
    }

    @Test
    void memoryIsGivenBackWhenAnEventIsRefused() {
        byte[] stream = bytes("data: " + "x".repeat(999_000) + "\ndata: " + "y".repeat(5000) + "\n\n");
        List<EventStreamParser> kept = new ArrayList<>();
        long before = RetainedHeap.usedAfterGc();
        for (int i = 0; i < PARSERS; i++) {
            EventStreamParser parser = new EventStreamParser(new Recorder(), 1_000_000);
            assertThatThrownBy(() -> Chunking.fixed(8192).feed(parser, stream))
                    .isInstanceOf(EventTooLargeException.class);
            kept.add(parser);
        }
        assertThat(RetainedHeap.usedAfterGc() - before).as("bytes held by %d parsers", kept.size())
                .isLessThan(PARSERS * 256 * 1024L);
    }

    @Test
    void maxEventSizeMustBePositive() {
        assertThatThrownBy(() -> new EventStreamParser(new Recorder(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventStreamParser(new Recorder(), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> new EventStreamParser(new Recorder(), Integer.MAX_VALUE)).doesNotThrowAnyException();
    }

    private static void assertRefused(Chunking chunking, byte[] stream, Object... deliveredBefore) {
        Recorder recorder = new Recorder();
        EventStreamParser parser = new EventStreamParser(recorder, LIMIT);
        assertThatThrownBy(() -> chunking.feed(parser, stream))
                .as("%.60s fed in %s", StreamBytes.show(stream), chunking)
                .isInstanceOfSatisfying(EventTooLargeException.class, e -> assertThat(e.maxEventSize()).isEqualTo(LIMIT));
        assertThat(recorder.seen).containsExactly(deliveredBefore);
    }
}
