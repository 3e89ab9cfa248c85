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
 * as exchanges. Its configuration holds the defaults of every endpoint, such as the API key: each endpoint starts from
 * a copy of it, and its own options override them.
 */
@Component("predicate-sse")
public class PredicateSseComponent extends SseComponentSupport {

    @Metadata(description = "The options every endpoint of this component starts from; an endpoint's own options"
                            + " override them.")
    private PredicateSseConfiguration configuration = new PredicateSseConfiguration();

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
        PredicateSseConfiguration configuration = getConfiguration().copy();
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
        PredicateSseConfiguration configuration = getConfiguration().copy();
        configuration.setType(PredicateSseEndpoint.WATCH);
        configuration.setSessionId(remaining.length() > PredicateSseEndpoint.WATCH.length()
                ? remaining.substring(PredicateSseEndpoint.WATCH.length() + 1) : PredicateSseEndpoint.DEFAULT_WATCH_NAME);
        // only what an endpoint names itself, or the component does for all, configures the shared set
        boolean namesRepository = namesOption(parameters, "watchRepository")
                || getConfiguration().getWatchRepository() != null;
        boolean namesMaxSessions = namesOption(parameters, "maxSessions")
                || getConfiguration().getMaxSessions() != WatchSet.DEFAULT_MAX_SESSIONS;
        PredicateSseEndpoint endpoint = new PredicateSseEndpoint(uri, this, configuration);
        setProperties(endpoint, parameters);
        endpoint.validate();
        endpoint.watchSet().configure(namesRepository ? configuration.getWatchRepository() : null,
                namesMaxSessions ? Integer.valueOf(configuration.getMaxSessions()) : null);
        return endpoint;
    }

    /**
     * Whether the parameters set the option, in any of the spellings Camel's property binding accepts for it: any
     * letter case, and dashes anywhere ({@code watch-repository}, as YAML DSL, Kamelets and properties files write it).
     */
    private static boolean namesOption(Map<String, Object> parameters, String option) {
        for (String key : parameters.keySet()) {
            if (key.replace("-", "").equalsIgnoreCase(option)) {
                return true;
            }
        }
        return false;
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

    public PredicateSseConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(PredicateSseConfiguration configuration) {
        this.configuration = configuration;
    }

    // the options the docs say are also settable on the component, as bean properties of the component itself

    public String getApiKey() {
        return configuration.getApiKey();
    }

    public void setApiKey(String apiKey) {
        configuration.setApiKey(apiKey);
    }

    public String getBaseUrl() {
        return configuration.getBaseUrl();
    }

    public void setBaseUrl(String baseUrl) {
        configuration.setBaseUrl(baseUrl);
    }

    /** Masks the key: Camel and users may print components. */
    @Override
    public String toString() {
        return "PredicateSseComponent[baseUrl=" + getBaseUrl() + ", apiKey=" + (getApiKey() == null ? "none" : "xxxxxx")
               + "]";
    }
}
