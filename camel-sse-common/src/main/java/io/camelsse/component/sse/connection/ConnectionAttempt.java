/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * One request of a stream and what came of it: the response, the body it is reading, the read timeout watching it,
 * and, when the stream's owner asked to reconnect, the event ID to resume after and why. {@link SseStream} starts a
 * new one for every connect and redirect, and compares it with its current one to ignore the callbacks of attempts it
 * has moved on from.
 * <p>
 * Its fields are filled from the HTTP client's threads and read from others.
 */
final class ConnectionAttempt {

    final URI uri;
    final int redirects;
    final boolean reconnect;

    volatile CompletableFuture<HttpResponse<String>> response;
    volatile EventStreamSubscriber subscriber;
    volatile BoundedBodySubscriber otherBody;
    volatile Runnable readTimeoutWatch;
    volatile String resumeFrom;
    volatile String resumeReason;

    /**
     * @param redirects how many redirects led here from the stream's own URL
     * @param reconnect whether the stream was connected before, so that a success ends an outage
     */
    ConnectionAttempt(URI uri, int redirects, boolean reconnect) {
        this.uri = uri;
        this.redirects = redirects;
        this.reconnect = reconnect;
    }

    /** True once a body of the event-stream kind is being read. */
    boolean isStreaming() {
        return subscriber != null;
    }

    void stopReadTimeoutWatch() {
        Runnable watch = readTimeoutWatch;
        if (watch != null) {
            watch.run();
        }
    }

    /** Lets go of everything the attempt holds: the watch, the body being read, and the request if still pending. */
    void cancel() {
        stopReadTimeoutWatch();
        EventStreamSubscriber events = subscriber;
        if (events != null) {
            events.cancel();
        }
        BoundedBodySubscriber other = otherBody;
        if (other != null) {
            other.cancel();
        }
        CompletableFuture<HttpResponse<String>> pending = response;
        if (pending != null) {
            pending.cancel(true);
        }
    }
}
