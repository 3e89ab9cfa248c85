/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.util.Map;

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

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
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
