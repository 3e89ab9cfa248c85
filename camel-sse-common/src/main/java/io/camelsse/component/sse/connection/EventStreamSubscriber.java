/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;

import io.camelsse.component.sse.event.ServerSentEvent;
import io.camelsse.component.sse.parser.EventStreamListener;
import io.camelsse.component.sse.parser.EventStreamParser;
import io.camelsse.component.sse.parser.EventTooLargeException;

/**
 * Reads one response body: parses the bytes, hands the events on one at a time, and asks the socket for more only
 * once every event of the last chunk is done. That is where backpressure comes from: a busy route stops the reads,
 * and the server is held back by TCP flow control instead of filling our heap.
 * <p>
 * Signals arrive from the HTTP client's threads and from route completions on any thread; a work-in-progress counter
 * serialises them into one drain loop, so no lock is held while the route runs and no thread waits. The loop runs on a
 * worker thread only (see {@link WorkerThreads}): never on the client's selector thread.
 */
final class EventStreamSubscriber implements HttpResponse.BodySubscriber<String>, EventStreamListener {

    private final EventStreamParser parser;
    private final StreamHandler handler;
    private final LongConsumer retryListener;
    private final BiConsumer<EventStreamSubscriber, Throwable> onFinished;
    private final Executor workers;
    private final Clock clock;

    private final Queue<ServerSentEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger workInProgress = new AtomicInteger();
    private final AtomicBoolean finished = new AtomicBoolean();
    // completed once the body is over, however it ended: until then the HTTP client counts the exchange as pending,
    // and on Java 17 a client with a pending exchange keeps its selector thread for ever
    private final CompletableFuture<String> body = new CompletableFuture<>();

    private volatile Flow.Subscription subscription;
    private volatile boolean eventInFlight;
    private volatile boolean demandOutstanding;
    private volatile boolean upstreamDone;
    private volatile Throwable upstreamError;
    private volatile boolean cancelled;
    private volatile long lastActivityMillis;
    // set before the subscriber is handed to the HTTP client, which publishes it to the thread that calls onNext
    private StreamCounters counters;

    /**
     * @param onFinished told once, after the last event is done, that the body ended: with null on a clean end of
     *                   stream, with the cause otherwise
     * @param clock      the stream's time, for the read timeout
     */
    EventStreamSubscriber(String lastEventId, int maxEventSize, StreamHandler handler, LongConsumer retryListener,
                          BiConsumer<EventStreamSubscriber, Throwable> onFinished, Executor workers, Clock clock) {
        this.workers = workers;
        this.clock = clock;
        this.lastActivityMillis = clock.millis();
        this.parser = new EventStreamParser(this, maxEventSize);
        this.parser.lastEventId(lastEventId);
        this.handler = handler;
        this.retryListener = retryListener;
        this.onFinished = onFinished;
    }

    @Override
    public CompletionStage<String> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (cancelled) {
            subscription.cancel();
        }
        drain();
    }

    @Override
    public void onNext(List<ByteBuffer> chunks) {
        lastActivityMillis = clock.millis();
        demandOutstanding = false;
        if (cancelled) {
            return;
        }
        StreamCounters c = counters;
        if (c != null) {
            long bytes = 0;
            for (ByteBuffer chunk : chunks) {
                bytes += chunk.remaining();
            }
            c.bytesRead(bytes);
        }
        try {
            for (ByteBuffer chunk : chunks) {
                parser.feed(chunk);
            }
        } catch (EventTooLargeException tooLarge) {
            abort(tooLarge);
            return;
        }
        drain();
    }

    @Override
    public void onError(Throwable error) {
        upstreamError = error;
        upstreamDone = true;
        drain();
    }

    @Override
    public void onComplete() {
        parser.endOfStream();
        upstreamDone = true;
        drain();
    }

    // parser callbacks: they run inside onNext, on the thread that feeds the parser

    @Override
    public void onEvent(ServerSentEvent event) {
        pending.add(event);
    }

    @Override
    public void onRetry(long reconnectionTimeMillis) {
        retryListener.accept(reconnectionTimeMillis);
    }

    /** Ends the body early with the given cause: events already parsed are still delivered. */
    void abort(Throwable cause) {
        if (!upstreamDone) {
            upstreamError = cause;
            upstreamDone = true;
        }
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        drain();
    }

    /** Stops at once: events not yet delivered are dropped; the one in flight finishes on its own. */
    void cancel() {
        discardAndAbort(new CancellationException("stream stopped"));
    }

    /**
     * Ends the body early with the given cause and drops the events not delivered yet; the one in flight finishes on
     * its own, and then the end is reported with that cause.
     */
    void discardAndAbort(Throwable cause) {
        cancelled = true;
        abort(cause);
    }

    /** Counts the bytes read into these counters; call before the subscriber is handed to the HTTP client. */
    EventStreamSubscriber countingInto(StreamCounters streamCounters) {
        this.counters = streamCounters;
        return this;
    }

    String lastEventId() {
        return parser.lastEventId();
    }

    /** True while this subscriber waits for bytes from the server, as opposed to waiting for the route. */
    boolean isAwaitingData() {
        return demandOutstanding && !upstreamDone;
    }

    long lastActivityMillis() {
        return lastActivityMillis;
    }

    private void drain() {
        if (workInProgress.getAndIncrement() != 0) {
            return;
        }
        WorkerThreads.runOnWorker(workers, this::drainLoop);
    }

    private void drainLoop() {
        do {
            drainOnce();
        } while (workInProgress.decrementAndGet() != 0);
    }

    private void drainOnce() {
        while (!eventInFlight) {
            if (cancelled) {
                pending.clear();
            }
            ServerSentEvent next = pending.poll();
            if (next != null) {
                eventInFlight = true;
                if (handler.deliver(next, this::deliveredAsynchronously)) {
                    eventInFlight = false;
                    continue;
                }
                return;
            }
            if (upstreamDone) {
                if (finished.compareAndSet(false, true)) {
                    try {
                        onFinished.accept(this, upstreamError);
                    } finally {
                        body.complete("");
                    }
                }
                return;
            }
            Flow.Subscription s = subscription;
            if (s != null && !demandOutstanding) {
                demandOutstanding = true;
                lastActivityMillis = clock.millis();
                s.request(1);
            }
            return;
        }
    }

    private void deliveredAsynchronously() {
        eventInFlight = false;
        drain();
    }
}
