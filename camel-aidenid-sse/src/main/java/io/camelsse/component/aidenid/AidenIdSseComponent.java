/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.util.Map;

import io.camelsse.component.sse.support.SseComponentSupport;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * The {@code aidenid-sse:stream} component: the events of an AidenID project as exchanges. Its configuration holds
 * the defaults of every endpoint, such as the credentials and the organization and project: each endpoint starts from
 * a copy of it, and its own options override them.
 */
@Component("aidenid-sse")
public class AidenIdSseComponent extends SseComponentSupport {

    @Metadata(description = "The options every endpoint of this component starts from; an endpoint's own options"
                            + " override them.")
    private AidenIdSseConfiguration configuration = new AidenIdSseConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        AidenIdSseConfiguration copy = getConfiguration().copy();
        copy.setStream(remaining);
        AidenIdSseEndpoint endpoint = new AidenIdSseEndpoint(uri, this, copy);
        setProperties(endpoint, parameters);
        // refuses a missing or unsafe setting now, before any route starts; the endpoint keeps the request
        endpoint.streamRequest();
        return endpoint;
    }

    public AidenIdSseConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(AidenIdSseConfiguration configuration) {
        this.configuration = configuration;
    }

    // the options the docs say are also settable on the component, as bean properties of the component itself

    public String getApiKey() {
        return configuration.getApiKey();
    }

    public void setApiKey(String apiKey) {
        configuration.setApiKey(apiKey);
    }

    public String getOrgId() {
        return configuration.getOrgId();
    }

    public void setOrgId(String orgId) {
        configuration.setOrgId(orgId);
    }

    public String getProjectId() {
        return configuration.getProjectId();
    }

    public void setProjectId(String projectId) {
        configuration.setProjectId(projectId);
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
        return "AidenIdSseComponent[orgId=" + getOrgId() + ", projectId=" + getProjectId() + ", apiKey="
               + (getApiKey() == null ? "none" : "xxxxxx") + "]";
    }
}
