/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.benchmarks.parser;

import java.io.ByteArrayInputStream;
import java.net.URI;

import com.launchdarkly.eventsource.ConnectStrategy;
import com.launchdarkly.logging.LDLogger;

/** Lets okhttp-eventsource read a byte array as if it were the body of an SSE response. */
final class InMemoryConnectStrategy extends ConnectStrategy {

    private static final URI ORIGIN = URI.create("http://localhost/events");

    private final byte[] stream;

    InMemoryConnectStrategy(byte[] stream) {
        this.stream = stream;
    }

    @Override
    public Client createClient(LDLogger logger) {
        return new Client() {
            @Override
            public Result connect(String lastEventId) {
                return new Result(new ByteArrayInputStream(stream), ORIGIN, () -> {
                });
            }

            @Override
            public boolean awaitClosed(long timeoutMillis) {
                return true;
            }

            @Override
            public URI getOrigin() {
                return ORIGIN;
            }

            @Override
            public void close() {
            }
        };
    }
}
