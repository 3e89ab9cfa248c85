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

    @UriParam(label = "consumer",
              description = "With a resume strategy (the route's resumable() EIP): the key under which the strategy"
                            + " keeps this stream's position. Default: sse/ and the URL without user info and with"
                            + " the values of query parameters that look secret masked. Give each route its own key"
                            + " when several routes read the same URL, or URLs that differ only in such a value.")
    private String resumeKey;

    @UriParam(label = "consumer", defaultValue = "10000", javaType = "java.time.Duration",
              description = "With a resume strategy (the route's resumable() EIP): how long the consumer waits on"
                            + " start for the strategy to read its store up to now, so that it resumes from the"
                            + " newest position any node wrote. A strategy that never reads back what it writes"
                            + " costs this long once, with a warning.")
    private long resumeReadTimeout = 10000;

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

    public String getResumeKey() {
        return resumeKey;
    }

    public void setResumeKey(String resumeKey) {
        this.resumeKey = resumeKey;
    }

    public long getResumeReadTimeout() {
        return resumeReadTimeout;
    }

    public void setResumeReadTimeout(long resumeReadTimeout) {
        this.resumeReadTimeout = resumeReadTimeout;
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
