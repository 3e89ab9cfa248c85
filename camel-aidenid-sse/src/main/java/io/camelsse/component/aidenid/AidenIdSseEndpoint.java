/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.camelsse.component.sse.connection.ApiBaseUrl;
import io.camelsse.component.sse.connection.HeaderValues;
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
 * Consumes the realtime event stream of an AidenID project: identities created and expired, e-mails received, codes
 * extracted. Each event becomes one exchange whose body is a typed AidenIdEvent; the stream resumes after drops and
 * restarts without losing or repeating events.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "aidenid-sse", title = "AidenID SSE", syntax = "aidenid-sse:stream",
             consumerOnly = true, remote = true, category = { Category.HTTP, Category.SAAS },
             headersClass = AidenIdSseConstants.class)
public class AidenIdSseEndpoint extends DefaultEndpoint {

    /** Where the stream is, below the base URL. */
    public static final String STREAM_PATH = "/v1/realtime/stream";
    static final String STREAM = "stream";

    /** How many recent event IDs each route remembers to recognise replays. */
    static final int REPLAY_WINDOW = 4096;

    @UriParam
    private final AidenIdSseConfiguration configuration;

    private final Map<String, StreamPosition> positions = new ConcurrentHashMap<>();
    private final CheckedOnce<RequestOptions, StreamRequest> streamRequest
            = new CheckedOnce<>(AidenIdSseEndpoint::checkedRequest);

    public AidenIdSseEndpoint(String endpointUri, AidenIdSseComponent component,
                              AidenIdSseConfiguration configuration) {
        super(endpointUri, component);
        this.configuration = configuration;
    }

    public AidenIdSseConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public AidenIdSseComponent getComponent() {
        return (AidenIdSseComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("The aidenid-sse component only consumes: use it in from(...)");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        AidenIdSseConsumer consumer = new AidenIdSseConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * The request every connection makes, built from the options and checked on the way (every setting, plain http,
     * the lastEventId option), so a missing or unsafe value fails the endpoint's creation, or the route's start when
     * it was changed since, before any request. No message names the API key's value. The stream trusts it.
     */
    StreamRequest streamRequest() {
        return streamRequest.of(new RequestOptions(configuration.getStream(), configuration.getApiKey(),
                configuration.getOrgId(), configuration.getProjectId(), configuration.getBaseUrl(),
                configuration.isAllowPlainHttp(), configuration.getLastEventId()));
    }

    private static StreamRequest checkedRequest(RequestOptions options) {
        if (!STREAM.equals(options.stream())) {
            throw new IllegalArgumentException("The aidenid-sse endpoint has one stream: use aidenid-sse:stream");
        }
        String apiKey = required("apiKey", options.apiKey());
        String orgId = required("orgId", options.orgId());
        String projectId = required("projectId", options.projectId());
        HeaderValues.requireNoControlCharacters("lastEventId", options.lastEventId());
        URI uri = ApiBaseUrl.streamUri("The aidenid-sse baseUrl", required("baseUrl", options.baseUrl()),
                STREAM_PATH, options.allowPlainHttp());
        return StreamRequest.to(uri)
                .credential("Authorization", "Bearer " + requirePrintableAscii("apiKey", apiKey))
                .header("X-Org-Id", requirePrintableAscii("orgId", orgId))
                .header("X-Project-Id", requirePrintableAscii("projectId", projectId))
                .build();
    }

    /** The position of the route with this ID; the same object every time the route starts again. */
    StreamPosition positionOf(String routeId) {
        return positions.computeIfAbsent(routeId == null ? "" : routeId, id -> new StreamPosition(REPLAY_WINDOW));
    }

    /** The event types to deliver; empty for all. */
    Set<String> eventTypes() {
        String types = configuration.getEventTypes();
        if (types == null || types.isBlank()) {
            return Set.of();
        }
        Set<String> set = new LinkedHashSet<>();
        Arrays.stream(types.split(",")).map(String::trim).filter(t -> !t.isEmpty()).forEach(set::add);
        return Collections.unmodifiableSet(set);
    }

    /** The key of the last event ID in the repository. */
    String lastEventIdRepositoryKey() {
        String key = configuration.getLastEventIdRepositoryKey();
        if (key != null && !key.isBlank()) {
            return key;
        }
        return "aidenid-sse/" + configuration.getOrgId() + "/" + configuration.getProjectId();
    }

    private static String required(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The aidenid-sse endpoint needs " + option
                                               + ", set on the endpoint or on the component");
        }
        return value;
    }

    /** Values that go into headers: the JDK client would turn anything outside printable ASCII into '?'. */
    private static String requirePrintableAscii(String option, String value) {
        HeaderValues.requireNoControlCharacters(option, value);
        if (!HeaderValues.isSendableAsIs(value) || !value.equals(value.strip())) {
            throw new IllegalArgumentException(option + " must be printable ASCII without leading or trailing spaces");
        }
        return value;
    }

    /** What the request is made of; it holds the API key, so it is never printed. */
    private record RequestOptions(String stream, String apiKey, String orgId, String projectId, String baseUrl,
                                  boolean allowPlainHttp, String lastEventId) {
        @Override
        public String toString() {
            return "RequestOptions";
        }
    }
}
