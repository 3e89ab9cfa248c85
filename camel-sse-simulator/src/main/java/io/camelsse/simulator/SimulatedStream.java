/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import io.netty.channel.ChannelHandlerContext;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;

import java.util.ArrayDeque;
import java.util.List;

/**
 * One open event stream (one HTTP response). Every method runs on the event loop of its {@link Hub}.
 * Without faults an event is a single write of its pre-encoded bytes; with faults it takes the slow path
 * that counts events and misbehaves as planned.
 *
 * <p>A client that stops reading would otherwise keep every later event queued in the simulator: once more than
 * {@link SseSimulator.Builder#maxQueuedBytesPerStream(int)} bytes written to the stream are still waiting, the
 * next write drops the stream instead. What is still waiting is known from the completion of some writes
 * (writes of one stream complete in order), so most writes cost no more than a sum and a comparison.
 */
final class SimulatedStream {

    private static final long HTTP2_INTERNAL_ERROR = 0x2;
    /** At most this many bytes are written between two writes whose completion is watched. */
    private static final int MAX_CHECKPOINT_BYTES = 64 * 1024;
    private static final Handler<AsyncResult<Void>> IGNORE_OUTCOME = ar -> { };

    final SseSimulator sim;
    final Hub hub;
    final Vendor vendor;
    final HttpServerRequest request;
    final HttpServerResponse response;
    final Faults.FaultPlan plan;

    /** Predicate: the session and the version of its state last written. */
    PredicateSession session;
    long lastVersion = Long.MIN_VALUE;
    /** AidenID: the sequence number of the last event written (or skipped as already seen). */
    long lastSeq;

    /** The client connection it runs on; set once the stream is accepted. */
    ConnectionUse connection;

    int allIndex = -1;
    int aidenIndex = -1;

    private long eventsWritten;
    private boolean closed;
    private boolean cleanedUp;

    private boolean stalled;
    private boolean stallDone;
    private long stallTimer = -1;
    private ArrayDeque<Buffer> held;
    private boolean finishAfterStall;
    private boolean malformedDone;
    private boolean oversizeDone;
    private ByteWriter byteWriter;
    private Future<Void> lastWrite;

    /**
     * The handler of the writes nobody waits for. On HTTP/2 there must be one: a write without a handler that fails
     * (its stream reset while the write waits for the client's window) makes Vert.x close the whole connection, the
     * other streams on it too. On HTTP/1.1 a failed write ends the connection anyway, and none is cheaper.
     */
    private final Handler<AsyncResult<Void>> unwatched;
    private final long maxQueuedBytes;
    private final long checkpointBytes;
    /** Bytes handed to the response. */
    private long bytesWritten;
    /** Every byte before this one has left the simulator (or is forgiven, see {@link #burst}). */
    private long bytesOut;
    /** The first write that reaches this count has its completion watched. */
    private long nextCheckpoint;
    /** Writing a burst that does not count against the limit. */
    private boolean inBurst;

    SimulatedStream(SseSimulator sim, Hub hub, Vendor vendor, HttpServerRequest request, Faults.FaultPlan plan) {
        this.sim = sim;
        this.hub = hub;
        this.vendor = vendor;
        this.request = request;
        this.response = request.response();
        this.plan = plan;
        this.unwatched = request.version() == HttpVersion.HTTP_2 ? IGNORE_OUTCOME : null;
        this.maxQueuedBytes = sim.maxQueuedBytesPerStream();
        this.checkpointBytes = Math.max(1, Math.min(MAX_CHECKPOINT_BYTES, maxQueuedBytes / 8));
        if (plan != null && plan.oneByte) {
            byteWriter = new ByteWriter(1, 0);
        } else if (plan != null && plan.slowPieceBytes > 0) {
            byteWriter = new ByteWriter(plan.slowPieceBytes, plan.slowPauseMillis);
        }
    }

    /** Writes the response head and applies the faults due before the first event. */
    void open() {
        response.setStatusCode(200);
        response.setChunked(true);
        response.putHeader("Content-Type",
                plan != null && plan.contentType != null ? plan.contentType : "text/event-stream");
        response.putHeader("Cache-Control", "no-cache");
        response.closeHandler(v -> cleanup());
        response.exceptionHandler(t -> cleanup());
        response.writeHead();
        if (plan != null) {
            afterEvents();
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Predicate: writes a state of the session unless a newer one was written; ends the stream after a terminal one. */
    void offerSnapshot(long version, Buffer data, boolean terminal) {
        if (closed || version <= lastVersion) {
            return;
        }
        lastVersion = version;
        sendEvent(data);
        if (terminal) {
            finish();
        }
    }

    /** Sends one event (its complete bytes, blank line included). */
    void sendEvent(Buffer event) {
        if (closed) {
            return;
        }
        if (plan == null) {
            if (push(event, false)) {
                eventsWritten++;
                sim.stats.eventsSent(1);
            }
            return;
        }
        if (stalled) {
            held.addLast(event);
            return;
        }
        if (plan.dropMidAt >= 0 && plan.dropMidAt == eventsWritten) {
            writeHalf(event);
            drop();
            return;
        }
        if (plan.random != null && plan.random.nextDouble() < plan.dropProbability) {
            if (plan.random.nextBoolean()) {
                writeHalf(event);
            }
            drop();
            return;
        }
        write(event);
        if (closed) {
            return;
        }
        eventsWritten++;
        sim.stats.eventsSent(1);
        afterEvents();
    }

    /**
     * Fast path of the AidenID fan-out: several events in one write. Only for streams without faults.
     *
     * @return false when the stream was dropped instead, its client being too far behind
     */
    boolean sendBatch(Buffer events, int count) {
        if (!push(events, false)) {
            return false;
        }
        eventsWritten += count;
        return true;
    }

    /** AidenID: the logged events a reconnecting client missed, before any live one. */
    void sendReplay(List<AidenIdEvents.Logged> events) {
        burst(() -> {
            for (AidenIdEvents.Logged l : events) {
                sendEvent(l.bytes());
            }
        });
    }

    /** A comment such as the keep-alive; not written while closed or stalled. */
    void sendComment(Buffer comment) {
        if (!closed && !stalled) {
            write(comment);
        }
    }

    /** Ends the response normally (the server closes the stream), after whatever is still held back. */
    void finish() {
        if (closed) {
            return;
        }
        if (stalled) {
            finishAfterStall = true;
            return;
        }
        closed = true;
        if (byteWriter != null) {
            byteWriter.add((Runnable) () -> {
                response.end();
                cleanup();
            });
        } else {
            response.end();
            cleanup();
        }
    }

    /**
     * Closes the TCP connection once the bytes written so far are out: the client sees a dropped connection.
     * On HTTP/2 only this stream is reset ({@code RST_STREAM INTERNAL_ERROR}): the other streams of the
     * connection are other clients' business.
     */
    void drop() {
        if (cleanedUp) {
            return;
        }
        closed = true;
        Runnable close = request.version() == HttpVersion.HTTP_2
                ? () -> response.reset(HTTP2_INTERNAL_ERROR)
                : () -> request.connection().close();
        if (byteWriter != null) {
            byteWriter.add(close);
        } else if (lastWrite != null && !lastWrite.isComplete()) {
            lastWrite.onComplete(ar -> close.run());
        } else {
            close.run();
        }
        cleanup();
    }

    private void afterEvents() {
        long n = eventsWritten;
        if (!malformedDone && plan.malformedAt == n) {
            malformedDone = true;
            write(malformedEvent());
        }
        if (!oversizeDone && plan.oversizeAt == n) {
            oversizeDone = true;
            write(oversizedEvent(plan.oversizeBytes));
        }
        if (closed) {
            return;
        }
        if (plan.dropAfter == n) {
            drop();
            return;
        }
        if (!stallDone && plan.stallAfter == n) {
            stallDone = true;
            stalled = true;
            held = new ArrayDeque<>();
            stallTimer = sim.vertx().setTimer(plan.stallMillis, id -> hub.ctx.runOnContext(v -> endStall()));
        }
    }

    private void endStall() {
        stallTimer = -1;
        if (!stalled) {
            return;
        }
        stalled = false;
        ArrayDeque<Buffer> backlog = held;
        held = null;
        burst(() -> {
            while (!backlog.isEmpty() && !closed && !stalled) {
                sendEvent(backlog.pollFirst());
            }
        });
        if (stalled) {
            // another stall began: keep what is left for after it
            backlog.addAll(held);
            held = backlog;
            return;
        }
        if (finishAfterStall) {
            finish();
        }
    }

    private void write(Buffer b) {
        if (byteWriter != null) {
            byteWriter.add(b);
        } else {
            push(b, true);
        }
    }

    /**
     * Hands bytes to the response, unless more than the limit written before is still waiting for the client:
     * then the stream is dropped instead and false returned.
     *
     * @param keepFuture whether {@link #drop()} must be able to wait for this write
     */
    private boolean push(Buffer b, boolean keepFuture) {
        if (closed) {
            return false;
        }
        if (!inBurst && bytesWritten - bytesOut > maxQueuedBytes) {
            shed();
            return false;
        }
        bytesWritten += b.length();
        long mark = bytesWritten;
        if (!keepFuture && mark < nextCheckpoint) {
            response.write(b, unwatched);
            return true;
        }
        nextCheckpoint = mark + checkpointBytes;
        Future<Void> written = response.write(b);
        // a failed write also ends the wait: the stream is going away
        written.onComplete(ar -> {
            if (mark > bytesOut) {
                bytesOut = mark;
            }
        });
        if (keepFuture) {
            lastWrite = written;
        }
        return true;
    }

    /**
     * Writes that go out in one go, more than a client could take meanwhile, and that it asked for or that the
     * simulator held back: the replay after {@code Last-Event-ID}, the events a stall kept. They are bounded by
     * the event log and the stall, so they do not count; neither does what was waiting before them.
     */
    private void burst(Runnable writes) {
        boolean outer = inBurst;
        inBurst = true;
        try {
            writes.run();
        } finally {
            inBurst = outer;
        }
        if (!outer) {
            bytesOut = bytesWritten;
        }
    }

    /**
     * Drops the stream of a client that has stopped reading or reads too slowly, at once: what is queued for it
     * is thrown away. It reconnects and resumes (AidenID: replay after {@code Last-Event-ID}; Predicate: the
     * current state).
     */
    private void shed() {
        closed = true;
        sim.stats.slowStreamDropped();
        if (request.version() == HttpVersion.HTTP_2) {
            // only this stream: the others on the connection may be read fine
            response.reset(HTTP2_INTERNAL_ERROR);
        } else {
            HttpConnection c = request.connection();
            if (c instanceof ConnectionBase base) {
                // Vert.x would first wait for the queued bytes to go out, which a client that does not read never
                // lets happen, and TLS would first try to send them, for up to 3 s; closing below every handler
                // throws them away at once
                ChannelHandlerContext first = base.channel().pipeline().firstContext();
                (first != null ? first : base.channelHandlerContext()).close();
            } else {
                c.close();
            }
        }
        cleanup();
    }

    private void writeHalf(Buffer event) {
        int half = Math.max(1, event.length() / 2);
        write(event.slice(0, Math.min(half, event.length())));
    }

    private Buffer malformedEvent() {
        String data;
        if (vendor == Vendor.PREDICATE) {
            String id = session != null ? session.id() : "unknown";
            data = "{\"sessionId\":\"" + id + "\",\"status\":";
            return SseFormat.dataOnly(data);
        }
        data = "{\"identity_id\":\"ident_malformed\",\"type\":otp,";
        return SseFormat.event("extraction.completed", null, -1, data);
    }

    private Buffer oversizedEvent(int bytes) {
        // valid JSON whose text is exactly bytes + 1 long
        String prefix = "{\"padding\":\"";
        String suffix = "\"}";
        int pad = Math.max(0, bytes + 1 - prefix.length() - suffix.length());
        StringBuilder sb = new StringBuilder(bytes + 2).append(prefix);
        for (int i = 0; i < pad; i++) {
            sb.append('x');
        }
        sb.append(suffix);
        if (vendor == Vendor.PREDICATE) {
            return SseFormat.dataOnly(sb.toString());
        }
        return SseFormat.event("inbound.received", null, -1, sb.toString());
    }

    /** Unregisters the stream everywhere; safe to call more than once. */
    void cleanup() {
        if (cleanedUp) {
            return;
        }
        cleanedUp = true;
        closed = true;
        if (stallTimer != -1) {
            sim.vertx().cancelTimer(stallTimer);
            stallTimer = -1;
        }
        hub.remove(this);
        if (connection != null) {
            connection.streamClosed();
        }
        sim.stats.streamClosed(vendor);
        if (session != null) {
            session.detach(this);
        }
    }

    /**
     * Writes queued buffers in pieces of a few bytes (one byte for {@link Fault#oneByteChunks()}), one HTTP chunk
     * each, each after the previous one is flushed and, for {@link Fault#slowWrites(int, Duration)}, a pause.
     */
    private final class ByteWriter {
        private final int pieceBytes;
        private final long pauseMillis;
        private final ArrayDeque<Object> ops = new ArrayDeque<>();
        private Buffer current;
        private int pos;
        private boolean busy;
        private boolean failed;

        ByteWriter(int pieceBytes, long pauseMillis) {
            this.pieceBytes = pieceBytes;
            this.pauseMillis = pauseMillis;
        }

        void add(Object op) {
            ops.addLast(op);
            if (!busy) {
                pump();
            }
        }

        private void pump() {
            while (!failed) {
                if (current != null) {
                    if (pos < current.length()) {
                        busy = true;
                        int p = pos;
                        pos = Math.min(current.length(), p + pieceBytes);
                        Future<Void> written;
                        try {
                            written = response.write(current.slice(p, pos));
                        } catch (RuntimeException closedMeanwhile) {
                            // the client went away during a pause: nothing more to write
                            failed = true;
                            cleanup();
                            return;
                        }
                        written.onComplete(ar -> {
                            if (ar.failed()) {
                                failed = true;
                                cleanup();
                            }
                            if (pauseMillis > 0) {
                                sim.vertx().setTimer(pauseMillis, id -> hub.ctx.runOnContext(v -> resume()));
                            } else {
                                hub.ctx.runOnContext(v -> resume());
                            }
                        });
                        return;
                    }
                    current = null;
                }
                Object op = ops.pollFirst();
                if (op == null) {
                    busy = false;
                    return;
                }
                if (op instanceof Buffer b) {
                    current = b;
                    pos = 0;
                } else {
                    ((Runnable) op).run();
                }
            }
        }

        private void resume() {
            busy = false;
            pump();
        }
    }
}
