/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.benchmarks.route;

import java.util.Map;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Camel's own ceiling for a consumer: {@code noio:name} routes exchanges made from strings already in memory, the way
 * the {@code sse:} consumer routes each event (an exchange from the endpoint, the same two headers, asynchronous
 * processing, the exchange released when done), with no socket, no parsing and no bookkeeping of stream positions.
 */
public final class NoIoComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        return new NoIoEndpoint(uri, this);
    }

    public static final class NoIoEndpoint extends DefaultEndpoint {
        private volatile NoIoConsumer consumer;

        NoIoEndpoint(String uri, NoIoComponent component) {
            super(uri, component);
        }

        @Override
        public Producer createProducer() {
            throw new UnsupportedOperationException("noio: is a consumer only");
        }

        @Override
        public Consumer createConsumer(Processor processor) throws Exception {
            NoIoConsumer created = new NoIoConsumer(this, processor);
            configureConsumer(created);
            consumer = created;
            return created;
        }

        public NoIoConsumer consumer() {
            return consumer;
        }
    }

    public static final class NoIoConsumer extends DefaultConsumer {

        NoIoConsumer(Endpoint endpoint, Processor processor) {
            super(endpoint, processor);
        }

        /** Routes one event; returns true when the route finished it on this thread. */
        public boolean route(String data, String type, String id) {
            Exchange exchange = createExchange(false);
            exchange.getMessage().setHeader("CamelSseEventType", type);
            exchange.getMessage().setHeader("CamelSseEventId", id);
            exchange.getMessage().setBody(data);
            AsyncCallback release = doneSync -> releaseExchange(exchange, false);
            return getAsyncProcessor().process(exchange, release);
        }
    }
}
