/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.util.LinkedHashMap;
import java.util.Map;

import io.camelsse.component.sse.support.SseCommonConfiguration;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/**
 * Options of the generic {@code sse} endpoint.
 */
@UriParams
public class SseConfiguration extends SseCommonConfiguration {

    @UriPath(description = "The http or https URL of the event stream. Query parameters that are not options of this"
                           + " endpoint stay part of the URL.")
    @Metadata(required = true)
    private String url;

    @UriParam(label = "consumer",
              description = "The last event ID to resume after on the first connection, sent as Last-Event-ID.")
    private String lastEventId;

    @UriParam(label = "consumer,security", prefix = "header.", multiValue = true, secret = true,
              description = "Request headers sent on every connection, one option per header, such as"
                            + " header.X-Tenant=acme, in the endpoint URI. Only in the URI: the YAML DSL and"
                            + " property binding drop the dashes of option keys, so use requestHeaders there.")
    private Map<String, Object> headers = new LinkedHashMap<>();

    @UriParam(label = "consumer,security", secret = true,
              description = "Request headers sent on every connection, as Name: value pairs separated by commas,"
                            + " such as 'X-Org-Id: acme, X-Api-Key: {{env:API_KEY}}'. The names keep their dashes"
                            + " wherever the option is set: URI, YAML parameters, Kamelet, application.properties."
                            + " A comma starts the next pair only when a name and a colon follow it. Also settable"
                            + " on the component; a header named here replaces the component's of the same name."
                            + " Values are secret and stay with the origin of the URL.")
    private String requestHeaders;

    @UriParam(label = "consumer,advanced", defaultValue = "false",
              description = "Gives the stream an HTTP client of its own and routes each event on the thread that"
                            + " reads it, as okhttp-eventsource does, instead of handing it to one of the component's"
                            + " worker threads: the lowest latency per event, at the cost of one thread per stream for"
                            + " as long as the route runs, idle or not. A route that blocks then holds back this"
                            + " stream only. Meant for a few streams where every microsecond counts; leave it off for"
                            + " many streams.")
    private boolean dedicatedHttpClient;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getLastEventId() {
        return lastEventId;
    }

    public void setLastEventId(String lastEventId) {
        this.lastEventId = lastEventId;
    }

    public String getRequestHeaders() {
        return requestHeaders;
    }

    public void setRequestHeaders(String requestHeaders) {
        this.requestHeaders = requestHeaders;
    }

    public boolean isDedicatedHttpClient() {
        return dedicatedHttpClient;
    }

    public void setDedicatedHttpClient(boolean dedicatedHttpClient) {
        this.dedicatedHttpClient = dedicatedHttpClient;
    }

    public Map<String, Object> getHeaders() {
        return headers;
    }

    public void setHeaders(Map<String, Object> headers) {
        this.headers = headers;
    }
}
