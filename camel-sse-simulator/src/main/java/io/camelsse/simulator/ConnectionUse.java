/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The streams one client connection carries: with HTTP/2 many at once, with HTTP/1.1 one after another.
 * Open streams change only on the connection's event loop; the total is read by {@link Stats} from any thread.
 */
final class ConnectionUse {

    final boolean http2;
    private final AtomicInteger totalStreams = new AtomicInteger();
    private int openStreams;

    ConnectionUse(boolean http2) {
        this.http2 = http2;
    }

    /** Returns the streams open on this connection now, this one included. */
    int streamOpened() {
        totalStreams.incrementAndGet();
        return ++openStreams;
    }

    void streamClosed() {
        openStreams--;
    }

    int openStreams() {
        return openStreams;
    }

    int totalStreams() {
        return totalStreams.get();
    }
}
