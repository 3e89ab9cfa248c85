/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.camelsse.component.sse.support.SseComponentSupport;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * The {@code predicate-sse:<type>/<sessionId>} component: the status of a Predicate KYC or KYB verification session,
 * as exchanges.
 */
@Component("predicate-sse")
public class PredicateSseComponent extends SseComponentSupport {

    @Metadata(label = "security", secret = true,
              description = "The Predicate API key for every endpoint that sets none, sent as Authorization:"
                            + " Bearer.")
    private String apiKey;

    @Metadata(defaultValue = PredicateSseConfiguration.DEFAULT_BASE_URL,
              description = "The API's base URL for every endpoint that sets none. The earlier generation is "
                            + PredicateSseConfiguration.EARLIER_GENERATION_BASE_URL + ".")
    private String baseUrl;

    private final Map<String, WatchSet> watchSets = new ConcurrentHashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (PredicateSseEndpoint.WATCH.equals(remaining) || remaining.startsWith(PredicateSseEndpoint.WATCH + "/")) {
            return createWatchEndpoint(uri, remaining, parameters);
        }
        int slash = remaining.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException(
                    "A predicate-sse endpoint is predicate-sse:<individual|business>/<sessionId>");
        }
        PredicateSseConfiguration configuration = new PredicateSseConfiguration();
        configuration.setType(remaining.substring(0, slash));
        configuration.setSessionId(remaining.substring(slash + 1));
        PredicateSseEndpoint endpoint = new PredicateSseEndpoint(uri, this, configuration);
        setProperties(endpoint, parameters);
        // refuse a bad type, session ID or base URL now, before any route starts or request is made
        endpoint.validate();
        return endpoint;
    }

    private Endpoint createWatchEndpoint(String uri, String remaining, Map<String, Object> parameters)
            throws Exception {
        PredicateSseConfiguration configuration = new PredicateSseConfiguration();
        configuration.setType(PredicateSseEndpoint.WATCH);
        configuration.setSessionId(remaining.length() > PredicateSseEndpoint.WATCH.length()
                ? remaining.substring(PredicateSseEndpoint.WATCH.length() + 1) : PredicateSseEndpoint.DEFAULT_WATCH_NAME);
        // only what an endpoint names itself configures the shared set
        boolean namesRepository = parameters.containsKey("watchRepository");
        boolean namesMaxSessions = parameters.containsKey("maxSessions");
        PredicateSseEndpoint endpoint = new PredicateSseEndpoint(uri, this, configuration);
        setProperties(endpoint, parameters);
        endpoint.validate();
        endpoint.watchSet().configure(namesRepository ? configuration.getWatchRepository() : null,
                namesMaxSessions ? Integer.valueOf(configuration.getMaxSessions()) : null);
        return endpoint;
    }

    /** The watch set of that name, created on first use; it lives as long as the component. */
    WatchSet watchSet(String name) {
        return watchSets.computeIfAbsent(name, WatchSet::new);
    }

    @Override
    protected void doStop() throws Exception {
        // a stopped context lets go of the repositories' files; a new start reads them again
        watchSets.values().forEach(WatchSet::close);
        super.doStop();
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }
}
