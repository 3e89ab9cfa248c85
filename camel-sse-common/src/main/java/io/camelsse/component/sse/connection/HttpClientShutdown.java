/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.http.HttpClient;

/**
 * Ends an HTTP client at once where the JDK can. {@code close()} would wait for every open exchange to end, and an
 * event stream never does: a stopping route would hang. {@code HttpClient.shutdownNow()} (Java 21 and later) is
 * resolved once, since the code is compiled for Java 17; on Java 17 the client's selector thread ends once nothing
 * references the client and no exchange of it is pending.
 */
public final class HttpClientShutdown {

    private static final MethodHandle SHUTDOWN_NOW = findShutdownNow();

    private HttpClientShutdown() {
    }

    /** Cancels the client's exchanges and ends its selector thread on Java 21+; does nothing on Java 17. */
    public static void shutdownNow(HttpClient client) {
        if (SHUTDOWN_NOW == null) {
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
}
