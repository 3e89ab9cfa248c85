/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.util.Map;

import io.camelsse.component.sse.support.SseComponentSupport;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.util.PropertiesHelper;
import org.apache.camel.util.URISupport;

/**
 * The {@code sse:<url>} component: any Server-Sent Events stream as exchanges.
 */
@Component("sse")
public class SseComponent extends SseComponentSupport {

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
        endpoint.createStreamRequest();
        return endpoint;
    }
}
