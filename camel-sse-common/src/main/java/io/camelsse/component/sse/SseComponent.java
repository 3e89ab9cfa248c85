/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.util.Map;

import io.camelsse.component.sse.support.SseComponentSupport;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.util.PropertiesHelper;
import org.apache.camel.util.URISupport;

/**
 * The {@code sse:<url>} component: any Server-Sent Events stream as exchanges.
 */
@Component("sse")
public class SseComponent extends SseComponentSupport {

    @Metadata(label = "consumer,security", secret = true,
              description = "Request headers for every endpoint of this component, as Name: value pairs separated by"
                            + " commas, such as 'X-Org-Id: acme, X-Api-Key: {{env:API_KEY}}'. An endpoint header of"
                            + " the same name replaces the one given here. The names keep their dashes, also when"
                            + " set from application.properties (camel.component.sse.request-headers).")
    private String requestHeaders;

    public String getRequestHeaders() {
        return requestHeaders;
    }

    public void setRequestHeaders(String requestHeaders) {
        this.requestHeaders = requestHeaders;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SseConfiguration configuration = new SseConfiguration();
        SseEndpoint endpoint = new SseEndpoint(uri, this, configuration);
        configuration.setHeaders(PropertiesHelper.extractProperties(parameters, "header."));
        setProperties(endpoint, parameters);
        // whatever is not an option of ours belongs to the stream URL's own query
        String url = remaining;
        if (!parameters.isEmpty()) {
            url += (url.contains("?") ? "&" : "?") + URISupport.createQueryString(parameters);
            parameters.clear();
        }
        configuration.setUrl(url);
        // refuses a bad URL or header now, before any route starts; the endpoint keeps the request
        endpoint.streamRequest();
        return endpoint;
    }
}
