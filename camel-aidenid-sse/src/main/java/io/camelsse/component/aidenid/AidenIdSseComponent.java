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
 * The {@code aidenid-sse:stream} component: the events of an AidenID project as exchanges. Credentials and the
 * organization and project set here apply to every endpoint that does not set its own.
 */
@Component("aidenid-sse")
public class AidenIdSseComponent extends SseComponentSupport {

    @Metadata(label = "security", secret = true,
              description = "The AidenID API key for every endpoint that sets none, sent as Authorization: Bearer.")
    private String apiKey;

    @Metadata(description = "The organization (X-Org-Id) for every endpoint that sets none.")
    private String orgId;

    @Metadata(description = "The project (X-Project-Id) for every endpoint that sets none.")
    private String projectId;

    @Metadata(label = "advanced",
              description = "The API's base URL for every endpoint that sets none. Default: https://api.aidenid.com.")
    private String baseUrl;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        AidenIdSseConfiguration configuration = new AidenIdSseConfiguration();
        configuration.setStream(remaining);
        // the component's values first, so that the endpoint's own options override them
        if (apiKey != null) {
            configuration.setApiKey(apiKey);
        }
        if (orgId != null) {
            configuration.setOrgId(orgId);
        }
        if (projectId != null) {
            configuration.setProjectId(projectId);
        }
        if (baseUrl != null) {
            configuration.setBaseUrl(baseUrl);
        }
        AidenIdSseEndpoint endpoint = new AidenIdSseEndpoint(uri, this, configuration);
        setProperties(endpoint, parameters);
        endpoint.createStreamRequest();
        return endpoint;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getOrgId() {
        return orgId;
    }

    public void setOrgId(String orgId) {
        this.orgId = orgId;
    }

    public String getProjectId() {
        return projectId;
    }

    public void setProjectId(String projectId) {
        this.projectId = projectId;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Masks the key: Camel and users may print components. */
    @Override
    public String toString() {
        return "AidenIdSseComponent[orgId=" + orgId + ", projectId=" + projectId + ", apiKey="
               + (apiKey == null ? "none" : "xxxxxx") + "]";
    }
}
