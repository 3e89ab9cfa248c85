/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.parser;

import static io.camelsse.component.sse.parser.Recorder.message;
import static io.camelsse.component.sse.parser.StreamBytes.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;

import io.camelsse.component.sse.event.ServerSentEvent;
import org.junit.jupiter.api.Test;

/** How the parser is driven: feeding, end of stream, seeding the last event ID, listener errors. */
class EventStreamParserApiTest {

    private final Recorder recorder = new Recorder();
    private final EventStreamParser parser = new EventStreamParser(recorder);

    @Test
    void crAtTheEndOfAChunkAndLfAtTheStartOfTheNextAreOneLineEnd() throws EventTooLargeException {
        feed("data: a\r");
        feed("\n");
        feed("data: b\r\n\r");
        feed("");
        feed("\n");
        assertThat(recorder.seen).containsExactly(message("a\nb"));
    }

    @Test
    void crAtTheEndOfAChunkIsHandledAtOnce() throws EventTooLargeException {
        feed("data: a\r\r");
        assertThat(recorder.seen).containsExactly(message("a"));
    }

    @Test
    void feedingAByteBufferConsumesAllItsRemainingBytes() throws EventTooLargeException {
        byte[] stream = bytes("xxdata: a\n\ndata: b\n\nyy");
        ByteBuffer heap = ByteBuffer.wrap(stream, 2, stream.length - 4);
        parser.feed(heap);
        assertThat(heap.position()).isEqualTo(heap.limit()).isEqualTo(stream.length - 2);

        ByteBuffer direct = ByteBuffer.allocateDirect(20_000);
        direct.put(bytes("data: " + "c".repeat(19_000) + "\n\n")).flip();
        parser.feed(direct);
        assertThat(direct.hasRemaining()).isFalse();

        assertThat(recorder.events()).extracting(ServerSentEvent::data)
                .containsExactly("a", "b", "c".repeat(19_000));
    }

    @Test
    void feedingChecksTheArrayRange() {
        byte[] bytes = new byte[4];
        assertThatThrownBy(() -> parser.feed(bytes, 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> parser.feed(bytes, -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> parser.feed(bytes, 0, -1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void callerMayReuseItsArrayAfterFeeding() throws EventTooLargeException {
        byte[] chunk = bytes("data: abc");
        parser.feed(chunk, 0, chunk.length);
        chunk[6] = 'X';
        feed("\n\n");
        assertThat(recorder.seen).containsExactly(message("abc"));
    }

    @Test
    void seededLastEventIdIsUsedUntilTheStreamSetsAnother() throws EventTooLargeException {
        parser.lastEventId("resume-7");
        assertThat(parser.lastEventId()).isEqualTo("resume-7");
        feed("data: a\n\nid: 8\ndata: b\n\n");
        parser.endOfStream();
        assertThat(recorder.seen).containsExactly(message("a", "resume-7"), message("b", "8"));
        assertThat(parser.lastEventId()).isEqualTo("8");
    }

    @Test
    void seededNullLastEventIdIsEmpty() throws EventTooLargeException {
        parser.lastEventId("x");
        parser.lastEventId(null);
        assertThat(parser.lastEventId()).isEmpty();
        feed("data: a\n\n");
        assertThat(recorder.seen).containsExactly(message("a", ""));
    }

    @Test
    void lastEventIdStartsEmpty() {
        assertThat(parser.lastEventId()).isEmpty();
    }

    @Test
    void endOfStreamMayBeCalledAnyTime() throws EventTooLargeException {
        parser.endOfStream();
        parser.endOfStream();
        feed("data: a\n\n");
        parser.endOfStream();
        assertThat(recorder.seen).containsExactly(message("a"));
    }

    @Test
    void listenerExceptionReachesTheCallerAndTheParserGoesOn() throws EventTooLargeException {
        EventStreamParser failing = new EventStreamParser(event -> {
            if (event.data().equals("boom")) {
                throw new IllegalStateException("listener failed");
            }
            recorder.onEvent(event);
        });
        byte[] bad = bytes("event: t\ndata: boom\n\n");
        assertThatThrownBy(() -> failing.feed(bad, 0, bad.length)).hasMessage("listener failed");

        byte[] good = bytes("data: fine\n\n");
        failing.feed(good, 0, good.length);
        assertThat(recorder.seen).containsExactly(message("fine"));
    }

    @Test
    void listenerIsRequired() {
        assertThatThrownBy(() -> new EventStreamParser(null)).isInstanceOf(NullPointerException.class);
    }

    private void feed(String text) throws EventTooLargeException {
        byte[] bytes = bytes(text);
        parser.feed(bytes, 0, bytes.length);
    }
}
