/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.net.URI;
import java.util.regex.Pattern;

import io.camelsse.component.sse.connection.ApiBaseUrl;
import io.camelsse.component.sse.connection.HeaderValues;
import io.camelsse.component.sse.connection.StreamRequest;
import io.camelsse.component.sse.support.CheckedOnce;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.PollingConsumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.LanguageSupport;

/**
 * Streams the status of one Predicate verification session: each status event becomes one exchange whose body is a
 * {@link PredicateStatusEvent}. With type {@code watch}, the endpoint of a watch set of many sessions: its producer
 * adds and removes sessions, its consumer routes the status events of all of them.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "predicate-sse", title = "Predicate SSE",
             syntax = "predicate-sse:type/sessionId", remote = true,
             category = { Category.HTTP, Category.SECURITY }, headersClass = PredicateSseConstants.class)
public class PredicateSseEndpoint extends DefaultEndpoint {

    static final String STREAM_PATH = "/api/v1/status/realtime/";
    static final String WATCH = "watch";
    static final String DEFAULT_WATCH_NAME = "default";

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern WATCH_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int MAX_ECHOED_LENGTH = 64;

    @UriParam
    private final PredicateSseConfiguration configuration;
    private final CheckedOnce<ApiOptions, PredicateApi> api = new CheckedOnce<>(PredicateSseEndpoint::checkedApi);

    public PredicateSseEndpoint(String endpointUri, PredicateSseComponent component,
                                PredicateSseConfiguration configuration) {
        super(endpointUri, component);
        this.configuration = configuration;
    }

    public PredicateSseConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public PredicateSseComponent getComponent() {
        return (PredicateSseComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (!isWatch()) {
            throw new UnsupportedOperationException("A predicate-sse session endpoint only consumes: use it in"
                                                    + " from(...) or pollEnrich(...), or send sessions to"
                                                    + " predicate-sse:watch");
        }
        return new PredicateWatchProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        DefaultConsumer consumer = isWatch()
                ? new PredicateWatchConsumer(this, processor) : new PredicateSseConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** True for predicate-sse:watch and predicate-sse:watch/<name>. */
    boolean isWatch() {
        return WATCH.equals(configuration.getType());
    }

    /** The name of this endpoint's watch set. */
    String watchName() {
        String name = configuration.getSessionId();
        return name == null || name.isEmpty() ? DEFAULT_WATCH_NAME : name;
    }

    /** The watch set this endpoint adds to and streams, shared by every endpoint of its name. */
    WatchSet watchSet() {
        return getComponent().watchSet(watchName());
    }

    /**
     * A polling consumer that holds no connection between polls: each receive opens the stream, takes the first
     * event the endpoint delivers, and closes it again. Camel's default would keep a stream open in its consumer cache
     * for as long as the route lives. With {@code pollEnrich} the session ID may be a Simple expression, such as
     * {@code ${header.sessionId}}, evaluated against the exchange of each poll.
     */
    @Override
    public PollingConsumer createPollingConsumer() {
        if (isWatch()) {
            throw new UnsupportedOperationException("predicate-sse:watch cannot be polled: route it with from(...)");
        }
        return new PredicateSsePollingConsumer(this);
    }

    /**
     * True when the session ID is a Simple expression such as {@code ${header.sessionId}}: only a poll, which has an
     * exchange to evaluate it against, can use such an endpoint.
     */
    boolean isSessionIdExpression() {
        return LanguageSupport.hasSimpleFunction(configuration.getSessionId());
    }

    /**
     * Checks the type, the session ID (unless it is an expression, checked once evaluated), the base URL and the API
     * key if one is set; a missing key fails only a consumer's start, as the watch producer needs none.
     *
     * @throws IllegalArgumentException saying what is wrong, before any request is made
     */
    void validate() {
        String type = configuration.getType();
        if (WATCH.equals(type)) {
            if (!WATCH_NAME.matcher(watchName()).matches()) {
                throw new IllegalArgumentException("A watch set name is 1 to 64 letters, digits, '.', '_' or '-',"
                                                   + " not '" + echo(watchName()) + "'");
            }
        } else {
            requireVerificationType(type);
            if (!isSessionIdExpression()) {
                requireSessionUuid(configuration.getSessionId());
            }
        }
        // the base URL is checked now, whatever session a poll or a watch set will name later
        api();
    }

    /** @throws IllegalArgumentException when the type is not individual or business */
    static void requireVerificationType(String type) {
        if (!"individual".equals(type) && !"business".equals(type)) {
            throw new IllegalArgumentException("The Predicate verification type must be 'individual' or 'business',"
                                               + " not '" + echo(type) + "'");
        }
    }

    /** @throws IllegalArgumentException when the session ID is not a UUID */
    static void requireSessionUuid(String sessionId) {
        if (sessionId == null || !UUID.matcher(sessionId).matches()) {
            boolean expression = LanguageSupport.hasSimpleFunction(sessionId);
            throw new IllegalArgumentException("The Predicate session ID must be the UUID from the registration"
                                               + " response, such as 550e8400-e29b-41d4-a716-446655440000, not '"
                                               + echo(sessionId) + "'"
                                               + (expression
                                                       ? "; an expression as session ID works in pollEnrich only"
                                                       : ""));
        }
    }

    /**
     * What every session request of this endpoint shares, checked from the options (the base URL, plain http, the
     * API key) when the endpoint is created, and again only if they changed since.
     */
    PredicateApi api() {
        return api.of(new ApiOptions(configuration.getBaseUrl(), configuration.getApiKey(),
                configuration.isAllowPlainHttp()));
    }

    /**
     * The request for the session of the given type: the session ID and type are checked here, as they may come from
     * outside the endpoint's options (a poll's expression, a watch set), and the rest was checked with {@link #api()}.
     * The stream trusts it.
     *
     * @throws IllegalArgumentException when the session ID or the type is refused, or no API key is set
     */
    StreamRequest streamRequest(String sessionId, String type) {
        requireSessionUuid(sessionId);
        requireVerificationType(type);
        return api().sessionRequest(type, sessionId);
    }

    private static PredicateApi checkedApi(ApiOptions options) {
        String baseUrl = options.baseUrl() == null || options.baseUrl().isEmpty()
                ? PredicateSseConfiguration.DEFAULT_BASE_URL : options.baseUrl();
        URI streamBase = ApiBaseUrl.streamUri("The Predicate baseUrl", baseUrl, STREAM_PATH, options.allowPlainHttp());
        String apiKey = options.apiKey() == null || options.apiKey().isEmpty() ? null : options.apiKey();
        // the HTTP client would quote a value it refuses in its error message: refuse it here, without the value
        if (apiKey != null && !HeaderValues.isSendableAsIs(apiKey)) {
            throw new IllegalArgumentException("The Predicate API key must be printable ASCII");
        }
        return new PredicateApi(streamBase, apiKey);
    }

    /** What the API access is made of; it holds the API key, so it is never printed. */
    private record ApiOptions(String baseUrl, String apiKey, boolean allowPlainHttp) {
        @Override
        public String toString() {
            return "ApiOptions";
        }
    }

    /** A refused value as it may appear in a message: printable ASCII only, and not too long. */
    private static String echo(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length() && sb.length() < MAX_ECHOED_LENGTH; i++) {
            char c = value.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return value.length() > MAX_ECHOED_LENGTH ? sb + "..." : sb.toString();
    }
}
