/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLContext;

import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.RuntimeCamelException;

/**
 * Hands out HTTP clients shared by every stream of a component that needs the same connect timeout and TLS settings.
 * Sharing is what keeps idle streams cheap: one client has one selector thread however many streams it carries.
 */
final class HttpClientProvider {

    private static final MethodHandle SHUTDOWN_NOW = findShutdownNow();

    private final CamelContext camelContext;
    private final Executor executor;
    private final Map<Key, HttpClient> clients = new ConcurrentHashMap<>();

    HttpClientProvider(CamelContext camelContext, Executor executor) {
        this.camelContext = camelContext;
        this.executor = executor;
    }

    HttpClient clientFor(Duration connectTimeout, SSLContextParameters sslContextParameters) {
        return clients.computeIfAbsent(new Key(connectTimeout, sslContextParameters), this::create);
    }

    private HttpClient create(Key key) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(key.connectTimeout())
                // redirects are followed by the stream itself, which refuses unsafe ones and keeps credentials home
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor);
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
            shutdownNow(client);
        }
        clients.clear();
    }

    private static void shutdownNow(HttpClient client) {
        if (SHUTDOWN_NOW == null) {
            // Java 17: the client is dropped, and its selector thread ends once nothing references it
            return;
        }
        try {
            SHUTDOWN_NOW.invoke(client);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable unexpected) {
            throw new IllegalStateException("HttpClient.shutdownNow() failed", unexpected);
        }
    }

    /**
     * {@code HttpClient.shutdownNow()}, Java 21 and later, or null. close() would wait for every open exchange to end,
     * and an event stream never does: a stopping route would hang. Looked up once, since the code is compiled for Java
     * 17; only its absence is expected.
     */
    private static MethodHandle findShutdownNow() {
        try {
            return MethodHandles.publicLookup().findVirtual(HttpClient.class, "shutdownNow",
                    MethodType.methodType(void.class));
        } catch (NoSuchMethodException olderJava) {
            return null;
        } catch (IllegalAccessException unexpected) {
            throw new ExceptionInInitializerError(unexpected);
        }
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
