/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLContext;

import io.camelsse.component.sse.connection.HttpClientShutdown;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.RuntimeCamelException;

/**
 * Hands out HTTP clients shared by every stream of a component that needs the same connect timeout and TLS settings.
 * Sharing is what keeps idle streams cheap: one client has one selector thread however many streams it carries.
 */
final class HttpClientProvider {

    private final CamelContext camelContext;
    private final Executor executor;
    private final Map<Key, HttpClient> clients = new ConcurrentHashMap<>();

    HttpClientProvider(CamelContext camelContext, Executor executor) {
        this.camelContext = camelContext;
        this.executor = executor;
    }

    HttpClient clientFor(Duration connectTimeout, SSLContextParameters sslContextParameters) {
        return clients.computeIfAbsent(new Key(connectTimeout, sslContextParameters), key -> create(key, executor));
    }

    /**
     * A client for one stream only, not shared and not kept here: its owner shuts it down. It runs its tasks on the
     * calling thread, so the body is handed over on its selector thread, which reads for this stream alone.
     */
    HttpClient dedicatedClient(Duration connectTimeout, SSLContextParameters sslContextParameters) {
        return create(new Key(connectTimeout, sslContextParameters), Runnable::run);
    }

    private HttpClient create(Key key, Executor tasks) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(key.connectTimeout())
                // redirects are followed by the stream itself, which refuses unsafe ones and keeps credentials home
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(tasks);
        if (key.sslContextParameters() != null) {
            try {
                SSLContext sslContext = key.sslContextParameters().createSSLContext(camelContext);
                builder.sslContext(sslContext);
            } catch (Exception e) {
                throw RuntimeCamelException.wrapRuntimeCamelException(e);
            }
        }
        return builder.build();
    }

    /**
     * Lets go of every client. On Java 21 and later each client is shut down at once, cancelling its exchanges and
     * ending its selector thread; on Java 17 the threads end once the clients are unreachable.
     */
    void close() {
        for (HttpClient client : clients.values()) {
            HttpClientShutdown.shutdownNow(client);
        }
        clients.clear();
    }

    private record Key(Duration connectTimeout, SSLContextParameters sslContextParameters) {
        @Override
        public boolean equals(Object o) {
            // TLS settings are compared by identity: two equal-looking beans may still load different key stores
            return o instanceof Key other && connectTimeout.equals(other.connectTimeout)
                    && sslContextParameters == other.sslContextParameters;
        }

        @Override
        public int hashCode() {
            return connectTimeout.hashCode() * 31 + System.identityHashCode(sslContextParameters);
        }
    }
}
