/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
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
 * Reads one response body: parses the bytes, hands the events on one at a time, and asks the socket for at most one
 * chunk more while the route works on the events of the last one. That is where backpressure comes from: a busy route
 * stops the reads one chunk ahead of it, and the server is held back by TCP flow control instead of filling our heap.
 * <p>
 * Signals arrive from the HTTP client's threads and from route completions on any thread; a work-in-progress counter
 * serialises them into one drain loop, so no lock is held while the route runs and no thread waits. The loop runs on a
 * worker thread only (see {@link WorkerThreads}): never on the selector thread of a client that other streams share,
 * and over HTTP/2 never on the thread that hands a chunk over, which reads the frames of every stream of the
 * connection (a busy route there would stop them all, not just its own). A client of this stream's own may deliver on
 * its reading thread instead (see {@link SseStream#deliverOnReadingThread}).
 * <p>
 * The events of one chunk travel as one batch: the thread that feeds the parser fills it, the queue hands it to the
 * drain loop, and only the drain loop reads it. The next chunk is asked for once the first event of a batch is on its
 * way. A loop that runs inside the client's {@code onNext} holds the client there, so with a route that completes on
 * that thread the next chunk is handed over after the batch rather than beside it; the client has often read it
 * already. Handing large batches to another worker so that the two overlap cost more than it saved (see
 * docs/performance.md).
 */
final class EventStreamSubscriber implements HttpResponse.BodySubscriber<String>, EventStreamListener {

    private final EventStreamParser parser;
    private final StreamHandler handler;
    private final LongConsumer retryListener;
    private final BiConsumer<EventStreamSubscriber, Throwable> onFinished;
    private final Executor workers;
    private final Clock clock;
    private final boolean deliverOnReadingThread;
    private final boolean sharedConnection;

    // batches of events, one per chunk, parsed and not yet taken by the drain loop: at most one while reading ahead
    private final Queue<List<ServerSentEvent>> parsed = new ConcurrentLinkedQueue<>();
    private final AtomicInteger workInProgress = new AtomicInteger();
    private final AtomicBoolean finished = new AtomicBoolean();
    // allocated once, not per chunk or event
    private final Runnable drainLoop = this::drainLoop;
    private final Runnable deliveredAsynchronously = this::deliveredAsynchronously;
    // filled by the parser callbacks, on the thread that feeds the parser
    private List<ServerSentEvent> parsing;
    // a batch is published, and the drain loop decides that the body is over, under this lock: so no batch is published
    // after that decision, and the last event ID of the last batch published is the one a new connection resumes after
    // (a read timeout may end the body on another thread while the reading thread still parses a chunk)
    private final Object publishLock = new Object();
    private volatile String publishedLastEventId;
    // set when the owner threw on an event: the ID to resume after is the one before that event, whatever comes later
    private boolean resumeIdFixed;
    // completed once the body is over, however it ended: until then the HTTP client counts the exchange as pending,
    // and on Java 17 a client with a pending exchange keeps its selector thread for ever
    private final CompletableFuture<String> body = new CompletableFuture<>();

    // owned by the drain loop: the batch it delivers from, and whether an event of it is in the route. An asynchronous
    // completion writes eventInFlight before its drain() increments the counter, which the loop reads after: no volatile
    private List<ServerSentEvent> delivering;
    private int nextInBatch;
    private boolean eventInFlight;
    private String lastHandedOverId;
    // the thread inside handler.deliver, while it is: written by the loop only, compared by the completion callback
    private Thread deliveringThread;
    // set by a completion callback that ran on deliveringThread, within deliver
    private boolean completedWithinDeliver;

    private volatile Flow.Subscription subscription;
    private volatile boolean demandOutstanding;
    // the drain loop has events in hand or in the route: silence of the server then is no read timeout
    private volatile boolean routeBusy;
    private volatile boolean upstreamDone;
    private volatile Throwable upstreamError;
    private volatile boolean cancelled;
    private volatile long lastActivityMillis;
    // set before the subscriber is handed to the HTTP client, which publishes it to the thread that calls onNext
    private StreamCounters counters;

    /**
     * @param onFinished told once, after the last event is done, that the body ended: with null on a clean end of
     *                   stream, with the cause otherwise
     * @param deliverOnReadingThread true when the client reading the body serves this stream only: the events of a
     *                   chunk are then delivered on the thread that hands it over, and other signals move to the workers
     * @param sharedConnection true when the body comes over a connection that carries other streams too (HTTP/2):
     *                   the drain loop then always starts on another worker than the calling thread
     * @param clock      the stream's time, for the read timeout
     */
    EventStreamSubscriber(String lastEventId, int maxEventSize, StreamHandler handler, LongConsumer retryListener,
                          BiConsumer<EventStreamSubscriber, Throwable> onFinished, Executor workers,
                          boolean deliverOnReadingThread, boolean sharedConnection, Clock clock) {
        this.workers = workers;
        this.deliverOnReadingThread = deliverOnReadingThread;
        this.sharedConnection = sharedConnection;
        this.clock = clock;
        this.lastActivityMillis = clock.millis();
        this.parser = new EventStreamParser(this, maxEventSize);
        this.parser.lastEventId(lastEventId);
        this.publishedLastEventId = parser.lastEventId();
        this.lastHandedOverId = publishedLastEventId;
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
        if (cancelled || upstreamDone) {
            // a chunk the client had read before abort() cancelled the body: the parser may refuse bytes by now
            demandOutstanding = false;
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
        EventTooLargeException tooLarge = null;
        try {
            for (ByteBuffer chunk : chunks) {
                parser.feed(chunk);
            }
        } catch (EventTooLargeException e) {
            tooLarge = e;
        }
        publishParsed();
        // only once the batch is queued: the drain loop asks for the next chunk when it sees no demand and no batch
        demandOutstanding = false;
        if (tooLarge != null) {
            resumeAfterDropped(tooLarge.droppedEventId());
            abort(tooLarge);
        } else if (deliverOnReadingThread) {
            drainHere();
        } else {
            drain();
        }
    }

    @Override
    public void onError(Throwable error) {
        if (!upstreamDone) {
            upstreamError = error;
        } // else abort() ended the body, and this is the client reporting the cancel (Java 21+): the cause stays
        upstreamDone = true;
        drain();
    }

    @Override
    public void onComplete() {
        parser.endOfStream();
        publishParsed();
        upstreamDone = true;
        drain();
    }

    // parser callbacks: they run inside onNext, on the thread that feeds the parser

    @Override
    public void onEvent(ServerSentEvent event) {
        List<ServerSentEvent> batch = parsing;
        if (batch == null) {
            batch = new ArrayList<>(16);
            parsing = batch;
        }
        batch.add(event);
    }

    private void publishParsed() {
        List<ServerSentEvent> batch = parsing;
        parsing = null;
        // also without a batch: a block with an id and no data moves the ID too
        String lastEventIdNow = parser.lastEventId();
        synchronized (publishLock) {
            if (finished.get() || resumeIdFixed) {
                // the body is over: neither these events nor their IDs count
                return;
            }
            if (batch != null) {
                parsed.add(batch);
            }
            publishedLastEventId = lastEventIdNow;
        }
    }

    /**
     * A server that replays after {@code Last-Event-ID} would send a dropped event again on every reconnect, and the
     * stream would never get past it: so the stream resumes after it when its ID is known and can be sent.
     */
    private void resumeAfterDropped(String droppedEventId) {
        if (droppedEventId == null || !EventIds.isResumable(droppedEventId)) {
            return;
        }
        synchronized (publishLock) {
            if (!finished.get() && !resumeIdFixed) {
                publishedLastEventId = droppedEventId;
            }
        }
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

    /**
     * The last event ID as of the last chunk whose events the drain loop took: once the body is over, that of the last
     * event delivered, or of a later block that set an ID and had no data; after the owner threw on an event, the one
     * in force before that event.
     */
    String lastEventId() {
        return publishedLastEventId;
    }

    /** True while this subscriber waits for bytes from the server, as opposed to waiting for the route. */
    boolean isAwaitingData() {
        return demandOutstanding && !routeBusy && !upstreamDone;
    }

    long lastActivityMillis() {
        return lastActivityMillis;
    }

    private void drain() {
        if (workInProgress.getAndIncrement() != 0) {
            return;
        }
        if (sharedConnection) {
            // a worker may call here while it reads the frames of the whole connection
            WorkerThreads.runOnPool(workers, drainLoop);
        } else {
            WorkerThreads.runOnWorker(workers, drainLoop);
        }
    }

    /** Runs the drain loop on this thread, unless it runs elsewhere already, in which case that one goes on. */
    private void drainHere() {
        if (workInProgress.getAndIncrement() == 0) {
            drainLoop();
        }
    }

    private void drainLoop() {
        do {
            drainOnce();
        } while (workInProgress.decrementAndGet() != 0);
    }

    private void drainOnce() {
        while (!eventInFlight) {
            if (cancelled || finished.get()) {
                dropUndelivered();
            }
            ServerSentEvent next = nextEvent();
            if (next != null) {
                eventInFlight = true;
                deliveringThread = Thread.currentThread();
                completedWithinDeliver = false;
                boolean doneSynchronously;
                try {
                    doneSynchronously = handler.deliver(next, deliveredAsynchronously);
                } catch (RuntimeException | Error bug) {
                    // a bug of the owner: this body ends with it, loudly, and the stream reconnects before this event,
                    // which never reached the route. Left to propagate, it would leave the loop's counter raised and
                    // the stream silent for good
                    eventInFlight = false;
                    synchronized (publishLock) {
                        publishedLastEventId = lastHandedOverId;
                        resumeIdFixed = true;
                    }
                    discardAndAbort(bug);
                    continue;
                } finally {
                    deliveringThread = null;
                }
                lastHandedOverId = next.lastEventId();
                // the first event of a chunk is on its way: read the next chunk meanwhile, but no further ahead
                requestIfNoneAhead();
                if (doneSynchronously || completedWithinDeliver) {
                    eventInFlight = false;
                    continue;
                }
                return;
            }
            if (upstreamDone) {
                boolean finishing;
                synchronized (publishLock) {
                    if (!parsed.isEmpty()) {
                        // published after this loop looked: delivered first
                        continue;
                    }
                    finishing = finished.compareAndSet(false, true);
                }
                if (finishing) {
                    try {
                        onFinished.accept(this, upstreamError);
                    } finally {
                        body.complete("");
                    }
                }
                return;
            }
            if (routeBusy) {
                // the server's silence counts from here, not from its last chunk
                lastActivityMillis = clock.millis();
                routeBusy = false;
            }
            requestIfNoneAhead();
            return;
        }
    }

    /** The next event of the batch being delivered, or of the next batch parsed; null when none is there. */
    private ServerSentEvent nextEvent() {
        List<ServerSentEvent> batch = delivering;
        if (batch == null || nextInBatch == batch.size()) {
            batch = parsed.poll();
            delivering = batch;
            nextInBatch = 0;
            if (batch == null) {
                return null;
            }
            if (!routeBusy) {
                routeBusy = true;
            }
        }
        ServerSentEvent next = batch.get(nextInBatch);
        // let go of the event once delivered: a batch may hold many large ones
        batch.set(nextInBatch++, null);
        return next;
    }

    private void requestIfNoneAhead() {
        Flow.Subscription s = subscription;
        if (s != null && !demandOutstanding && !upstreamDone && !cancelled && parsed.isEmpty()) {
            demandOutstanding = true;
            s.request(1);
        }
    }

    private void dropUndelivered() {
        delivering = null;
        parsed.clear();
    }

    private void deliveredAsynchronously() {
        if (deliveringThread == Thread.currentThread()) {
            completedWithinDeliver = true;
            // Camel's reactive executor may finish the route within deliver, on this very thread, and still report it
            // as asynchronous: the loop goes on by itself once deliver returns, with no signal through the counter. A
            // completion on any other thread never sees its own thread here, so it always signals
            return;
        }
        eventInFlight = false;
        drain();
    }
}
