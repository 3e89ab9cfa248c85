/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import io.camelsse.component.sse.connection.HeaderValues;
import io.camelsse.component.sse.connection.PlainHttpGuard;
import io.camelsse.component.sse.connection.StreamRequest;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Consumes any Server-Sent Events stream: each event becomes one exchange whose body is the event's data.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "sse", title = "Server-Sent Events", syntax = "sse:url",
             consumerOnly = true, remote = true, category = { Category.HTTP }, headersClass = SseConstants.class)
public class SseEndpoint extends DefaultEndpoint {

    @UriParam
    private final SseConfiguration configuration;

    public SseEndpoint(String endpointUri, SseComponent component, SseConfiguration configuration) {
        super(endpointUri, component);
        this.configuration = configuration;
    }

    public SseConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public SseComponent getComponent() {
        return (SseComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("The sse component only consumes: use it in from(...)");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        SseConsumer consumer = new SseConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The request every connection of this endpoint makes; checks the URL and every header on the way. */
    StreamRequest createStreamRequest() {
        URI uri;
        try {
            uri = new URI(configuration.getUrl());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("The sse endpoint needs an http or https URL", e);
        }
        PlainHttpGuard.check(uri, configuration.isAllowPlainHttp());
        HeaderValues.requireNoControlCharacters("lastEventId", configuration.getLastEventId());
        StreamRequest.Builder request = StreamRequest.to(uri);
        for (Map.Entry<String, Object> header : configuration.getHeaders().entrySet()) {
            request.header(header.getKey(), String.valueOf(header.getValue()));
        }
        return request.build();
    }
}
