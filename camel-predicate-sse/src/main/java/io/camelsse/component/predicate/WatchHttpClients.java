/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.camelsse.component.sse.connection.HttpClientShutdown;

/**
 * The HTTP clients of one watch consumer, each carrying at most {@code maxStreamsPerClient} streams.
 * <p>
 * Over HTTP/2 the JDK client multiplexes every stream to a host on one connection and never opens a second one when
 * the server's limit of concurrent streams (often 100 to 250) is reached: each request beyond it fails at once with
 * {@code too many concurrent streams}. Streams are therefore spread over as many clients as it takes, each with its
 * own connection (and its own selector thread). A limit of 0 puts every stream on one client, which is right for
 * HTTP/1.1, where each stream has its own connection anyway.
 */
final class WatchHttpClients implements AutoCloseable {


    private final Supplier<HttpClient> factory;
    private final int maxStreamsPerClient;
    // guarded by this
    private final List<Pooled> clients = new ArrayList<>();
    private boolean closed;

    WatchHttpClients(Supplier<HttpClient> factory, int maxStreamsPerClient) {
        this.factory = factory;
        this.maxStreamsPerClient = maxStreamsPerClient;
    }

    /** A client with room for one more stream; {@link Lease#release()} gives the room back. */
    synchronized Lease acquire() {
        if (closed) {
            throw new IllegalStateException("The watch consumer is stopping");
        }
        for (Pooled pooled : clients) {
            if (maxStreamsPerClient <= 0 || pooled.streams < maxStreamsPerClient) {
                pooled.streams++;
                return new Lease(this, pooled);
            }
        }
        Pooled pooled = new Pooled(factory.get());
        pooled.streams++;
        clients.add(pooled);
        return new Lease(this, pooled);
    }

    private synchronized void release(Pooled pooled) {
        pooled.streams--;
        if (pooled.streams == 0 && clients.size() > 1 && clients.remove(pooled)) {
            // an empty client keeps a selector thread: let it go unless it is the last one
            shutdownNow(pooled.client);
        }
    }

    /** Clients in use now. */
    synchronized int size() {
        return clients.size();
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Pooled pooled : clients) {
            shutdownNow(pooled.client);
        }
        clients.clear();
    }

    private static void shutdownNow(HttpClient client) {
        HttpClientShutdown.shutdownNow(client instanceof PacedHttpClient paced ? paced.delegate() : client);
    }

    private static final class Pooled {
        final HttpClient client;
        int streams;

        Pooled(HttpClient client) {
            this.client = client;
        }
    }

    /** One stream's place on a client. */
    static final class Lease {
        private final WatchHttpClients owner;
        private final Pooled pooled;
        private boolean released;

        private Lease(WatchHttpClients owner, Pooled pooled) {
            this.owner = owner;
            this.pooled = pooled;
        }

        HttpClient client() {
            return pooled.client;
        }

        void release() {
            synchronized (owner) {
                if (released) {
                    return;
                }
                released = true;
                owner.release(pooled);
            }
        }
    }
}
