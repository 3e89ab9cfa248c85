/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.benchmarks.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.launchdarkly.eventsource.EventSource;
import com.launchdarkly.eventsource.MessageEvent;
import com.launchdarkly.eventsource.StreamException;
import io.camelsse.component.sse.event.ServerSentEvent;
import io.camelsse.component.sse.parser.EventStreamListener;
import io.camelsse.component.sse.parser.EventStreamParser;
import io.camelsse.component.sse.parser.EventTooLargeException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Events per second of {@link EventStreamParser} and, as the baseline, okhttp-eventsource 4.3.0,
 * both reading the same bytes from memory in 8 KiB reads and turning every event into a
 * {@code String} payload. One operation is one event; for the single 4 MB event, bytes per second
 * is the score times the stream size (4,000,008 bytes).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ParserBenchmark {

    /** A typical socket read; both parsers get chunks of this size. */
    static final int READ_SIZE = 8192;

    private byte[] small;
    private byte[] medium;
    private byte[] large;

    @Setup
    public void prepareAndCheck() throws Exception {
        small = EventStreams.smallEvents();
        medium = EventStreams.mediumEvents();
        large = EventStreams.largeEvent();
        // both parsers must see every event, with the same data, or the comparison means nothing
        check(small, EventStreams.SMALL_EVENTS);
        check(medium, EventStreams.MEDIUM_EVENTS);
        check(large, EventStreams.LARGE_EVENTS);
    }

    @Benchmark
    @OperationsPerInvocation(EventStreams.SMALL_EVENTS)
    public int a_smallEvents_camelSse(Blackhole blackhole) throws EventTooLargeException {
        return camelSse(small, blackhole);
    }

    @Benchmark
    @OperationsPerInvocation(EventStreams.SMALL_EVENTS)
    public int a_smallEvents_okhttpEventSource(Blackhole blackhole) throws StreamException {
        return okhttpEventSource(small, EventStreams.SMALL_EVENTS, blackhole);
    }

    @Benchmark
    @OperationsPerInvocation(EventStreams.MEDIUM_EVENTS)
    public int b_mediumEvents_camelSse(Blackhole blackhole) throws EventTooLargeException {
        return camelSse(medium, blackhole);
    }

    @Benchmark
    @OperationsPerInvocation(EventStreams.MEDIUM_EVENTS)
    public int b_mediumEvents_okhttpEventSource(Blackhole blackhole) throws StreamException {
        return okhttpEventSource(medium, EventStreams.MEDIUM_EVENTS, blackhole);
    }

    @Benchmark
    @OperationsPerInvocation(EventStreams.LARGE_EVENTS)
    public int c_largeEvent_camelSse(Blackhole blackhole) throws EventTooLargeException {
        return camelSse(large, blackhole);
    }

    @Benchmark
    @OperationsPerInvocation(EventStreams.LARGE_EVENTS)
    public int c_largeEvent_okhttpEventSource(Blackhole blackhole) throws StreamException {
        return okhttpEventSource(large, EventStreams.LARGE_EVENTS, blackhole);
    }

    private static int camelSse(byte[] stream, Blackhole blackhole) throws EventTooLargeException {
        Counter counter = new Counter(blackhole);
        EventStreamParser parser = new EventStreamParser(counter);
        for (int offset = 0; offset < stream.length; offset += READ_SIZE) {
            parser.feed(stream, offset, Math.min(READ_SIZE, stream.length - offset));
        }
        parser.endOfStream();
        return counter.events;
    }

    private static int okhttpEventSource(byte[] stream, int events, Blackhole blackhole) throws StreamException {
        try (EventSource source = okhttpEventSource(stream)) {
            for (int i = 0; i < events; i++) {
                blackhole.consume(source.readMessage().getData());
            }
        }
        return events;
    }

    private static EventSource okhttpEventSource(byte[] stream) {
        return new EventSource.Builder(new InMemoryConnectStrategy(stream)).readBufferSize(READ_SIZE).build();
    }

    private static void check(byte[] stream, int expectedEvents) throws Exception {
        Collector ours = new Collector();
        EventStreamParser parser = new EventStreamParser(ours);
        parser.feed(stream, 0, stream.length);
        parser.endOfStream();

        List<ServerSentEvent> theirs = new ArrayList<>();
        try (EventSource source = okhttpEventSource(stream)) {
            for (int i = 0; i < expectedEvents; i++) {
                MessageEvent event = source.readMessage();
                String id = event.getLastEventId() == null ? "" : event.getLastEventId();
                theirs.add(new ServerSentEvent(event.getEventName(), event.getData(), id));
            }
            try {
                MessageEvent extra = source.readMessage();
                throw new IllegalStateException("okhttp-eventsource read an extra event: " + extra);
            } catch (StreamException expected) {
                // the end of the stream, as it should be
            }
        }
        if (ours.events.size() != expectedEvents || !ours.events.equals(theirs)) {
            throw new IllegalStateException("expected " + expectedEvents + " identical events; camel-sse read "
                    + ours.events.size() + ", okhttp-eventsource " + theirs.size());
        }
    }

    private static final class Counter implements EventStreamListener {
        private final Blackhole blackhole;
        int events;

        Counter(Blackhole blackhole) {
            this.blackhole = blackhole;
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            events++;
            blackhole.consume(event);
        }
    }

    private static final class Collector implements EventStreamListener {
        final List<ServerSentEvent> events = new ArrayList<>();

        @Override
        public void onEvent(ServerSentEvent event) {
            // type, data and ID only: okhttp-eventsource does not say whether an event had an id line of its own
            events.add(new ServerSentEvent(event.type(), event.data(), event.lastEventId()));
        }
    }
}
