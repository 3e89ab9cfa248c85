/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.camelsse.component.sse.connection.DisplayUri;
import io.camelsse.component.sse.connection.HeaderValues;
import io.camelsse.component.sse.connection.PlainHttpGuard;
import io.camelsse.component.sse.connection.StreamRequest;
import io.camelsse.component.sse.support.CheckedOnce;
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

    private final String maskedUri;
    // per route: Camel creates a new consumer each time a route starts, and a restarted route resumes where it was.
    // A consumer keeps its route's holder, so moving the position past an event costs one write, not a map update
    private final Map<String, AtomicReference<String>> completedEventIds = new ConcurrentHashMap<>();
    private final CheckedOnce<RequestOptions, StreamRequest> streamRequest
            = new CheckedOnce<>(SseEndpoint::checkedRequest);

    public SseEndpoint(String endpointUri, SseComponent component, SseConfiguration configuration) {
        super(endpointUri, component);
        this.configuration = configuration;
        this.maskedUri = EndpointUriMasking.mask(endpointUri);
    }

    /**
     * The URI with every request header value, secret-looking query parameter and user info password masked (see
     * {@link EndpointUriMasking}). Camel shows this one wherever it shows an endpoint: JMX names
     * and attributes, health details, {@code toString()} of the endpoint, route and consumer, its own log lines.
     * <p>
     * The endpoint registry keeps its key from the URI as written, and {@link #equals} compares the URIs as written,
     * so two endpoints that differ only in a header value stay two endpoints.
     */
    @Override
    public String getEndpointUri() {
        return maskedUri;
    }

    private String uriAsWritten() {
        return super.getEndpointUri();
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof SseEndpoint endpoint
                && Objects.equals(uriAsWritten(), endpoint.uriAsWritten())
                && getCamelContext() == endpoint.getCamelContext();
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(uriAsWritten());
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

    /**
     * The last event ID in force for the last event that the route completed, in this JVM, to read and to move: null
     * while none has completed; empty when the server had reset the ID (an {@code id} field with no value), so a
     * restarted route sends no {@code Last-Event-ID}, as the stream would have.
     */
    AtomicReference<String> completedEventId(String routeId) {
        return completedEventIds.computeIfAbsent(routeId == null ? "" : routeId, id -> new AtomicReference<>());
    }

    /** The key of this stream's position in a resume strategy: {@code resumeKey}, else {@code sse/<url shown>}. */
    String resumeKey() {
        String key = configuration.getResumeKey();
        if (key != null && !key.isBlank()) {
            return key;
        }
        try {
            return "sse/" + DisplayUri.of(new URI(configuration.getUrl()));
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("The sse endpoint needs an http or https URL", e);
        }
    }

    /**
     * The request every connection of this endpoint makes, built from its options and checked on the way (the URL,
     * plain http, every header, the lastEventId option): when the endpoint is created, and again only if the options
     * changed since. The stream trusts it.
     */
    StreamRequest streamRequest() {
        Map<String, String> headers = new LinkedHashMap<>();
        configuration.getHeaders().forEach((name, value) -> headers.put(name, String.valueOf(value)));
        return streamRequest.of(new RequestOptions(configuration.getUrl(), configuration.isAllowPlainHttp(),
                configuration.getLastEventId(), configuration.getRequestHeaders(), headers,
                getComponent().getRequestHeaders()));
    }

    private static StreamRequest checkedRequest(RequestOptions options) {
        URI uri;
        try {
            uri = new URI(options.url());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("The sse endpoint needs an http or https URL", e);
        }
        PlainHttpGuard.check(uri, options.allowPlainHttp());
        HeaderValues.requireNoControlCharacters("lastEventId", options.lastEventId());
        List<Map.Entry<String, String>> own = new ArrayList<>(
                RequestHeaderList.parse("requestHeaders", options.requestHeaders()));
        own.addAll(options.headers().entrySet());
        Set<String> ownNames = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        own.forEach(header -> ownNames.add(header.getKey()));

        StreamRequest.Builder request = StreamRequest.to(uri);
        for (Map.Entry<String, String> header
                : RequestHeaderList.parse("The component's requestHeaders", options.componentRequestHeaders())) {
            if (!ownNames.contains(header.getKey())) {
                request.header(header.getKey(), header.getValue());
            }
        }
        own.forEach(header -> request.header(header.getKey(), header.getValue()));
        return request.build();
    }

    /** What the request is made of; the header values are secret, so it is never printed. */
    private record RequestOptions(String url, boolean allowPlainHttp, String lastEventId, String requestHeaders,
                                  Map<String, String> headers, String componentRequestHeaders) {
        @Override
        public String toString() {
            return "RequestOptions";
        }
    }
}
