/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads the start of a response body that is not an event stream, for the exception that reports it, and no more: a
 * server can make us neither buffer an unbounded page nor wait for one that never ends. The body is what arrived
 * within {@link #LIMIT} bytes and the given wait, whichever comes first.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<String> {

    static final int LIMIT = 8 * 1024;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<String> body = new CompletableFuture<>();
    private final ScheduledExecutorService scheduler;
    private final Duration maxWait;
    private Flow.Subscription subscription;
    private ScheduledFuture<?> deadline;
    private boolean done;

    BoundedBodySubscriber(ScheduledExecutorService scheduler, Duration maxWait) {
        this.scheduler = scheduler;
        this.maxWait = maxWait;
    }

    @Override
    public CompletionStage<String> getBody() {
        return body;
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (done) {
            subscription.cancel();
            return;
        }
        deadline = scheduler.schedule(this::stopWaiting, maxWait.toNanos(), TimeUnit.NANOSECONDS);
        subscription.request(1);
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> chunks) {
        if (done) {
            return;
        }
        for (ByteBuffer chunk : chunks) {
            int take = Math.min(chunk.remaining(), LIMIT - bytes.size());
            byte[] part = new byte[take];
            chunk.get(part);
            bytes.write(part, 0, take);
        }
        if (bytes.size() >= LIMIT) {
            stopWaiting();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable error) {
        // the status already tells what happened; a body cut short is still worth reporting
        complete();
    }

    @Override
    public void onComplete() {
        complete();
    }

    /** Also cancels the wait: a stream that is stopped meanwhile leaves no timer behind. */
    void cancel() {
        Flow.Subscription s;
        synchronized (this) {
            s = subscription;
            complete();
        }
        // outside the lock: the JDK client cancels under a lock of its own, which it may hold while calling onNext
        if (s != null) {
            s.cancel();
        }
    }

    private void stopWaiting() {
        Flow.Subscription s;
        synchronized (this) {
            if (done) {
                return;
            }
            s = subscription;
            complete();
        }
        s.cancel();
    }

    private synchronized void complete() {
        if (done) {
            return;
        }
        done = true;
        if (deadline != null) {
            deadline.cancel(false);
        }
        body.complete(bytes.toString(StandardCharsets.UTF_8));
    }
}
