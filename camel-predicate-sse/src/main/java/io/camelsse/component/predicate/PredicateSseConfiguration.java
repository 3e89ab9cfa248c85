/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import io.camelsse.component.sse.support.SseCommonConfiguration;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/**
 * Options of a {@code predicate-sse} endpoint, on top of the options every SSE component has. The component holds one
 * as the defaults of its endpoints, each of which gets a {@link #copy()}.
 */
@UriParams
public class PredicateSseConfiguration extends SseCommonConfiguration implements Cloneable {

    /** The current API generation. */
    public static final String DEFAULT_BASE_URL = "https://api.identity.predicate.io";
    /** The earlier API generation, whose statuses are {@code pending, in_progress, completed, failed}. */
    public static final String EARLIER_GENERATION_BASE_URL = "https://api.kyc.predicate.io";

    @UriPath(enums = "individual,business,watch",
             description = "The verification type: individual (KYC) or business (KYB); or watch, for a watch set of"
                           + " many sessions (predicate-sse:watch or predicate-sse:watch/NAME).")
    @Metadata(required = true)
    private String type;

    @UriPath(description = "The session ID (a UUID) from Predicate's registration response; with type watch, the"
                           + " name of the watch set (default: default).")
    private String sessionId;

    @UriParam(label = "security", secret = true,
              description = "The Predicate API key, sent as Authorization: Bearer. Required, on the endpoint or on"
                            + " the component. Prefer setting it on the component or through a property"
                            + " placeholder: Camel echoes a malformed endpoint URI, key included, in its own parse"
                            + " errors.")
    private String apiKey;

    @UriParam(defaultValue = DEFAULT_BASE_URL,
              description = "The API's base URL; a session's stream is at the base URL followed by "
                            + PredicateSseEndpoint.STREAM_PATH + ", the type and the session ID. The earlier"
                            + " generation is " + EARLIER_GENERATION_BASE_URL + ".")
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(label = "consumer", defaultValue = "true",
              description = "After a terminal status (completed, rejected, failed) is delivered, close the stream"
                            + " and never reconnect, until the route is restarted.")
    private boolean closeOnTerminal = true;

    @UriParam(label = "consumer", defaultValue = "false",
              description = "Deliver only terminal statuses (completed, rejected, failed), for instance for a"
                            + " pollEnrich that waits for the outcome.")
    private boolean terminalOnly;

    @UriParam(label = "consumer", defaultValue = "true",
              description = "Do not deliver an event equal to the last one delivered for this session, such as the"
                            + " snapshot a server re-sends after a reconnect. Events are compared as parsed, so"
                            + " formatting does not matter.")
    private boolean skipUnchanged = true;

    @UriParam(label = "consumer", defaultValue = "false",
              description = "The body is the JSON text as received instead of a PredicateStatusEvent. The headers"
                            + " are set either way.")
    private boolean rawPayload;

    @UriParam(label = "watch", description = "Where a watch set keeps its sessions and the last status delivered"
                                             + " for each, so that a restarted consumer re-opens every session that"
                                             + " is not final and does not deliver a status again. In memory when"
                                             + " not set; FileWatchRepository and JdbcWatchRepository ship with the"
                                             + " component.")
    private WatchRepository watchRepository;

    @UriParam(label = "watch", defaultValue = "10000",
              description = "The capacity of a watch set: adding a session beyond it fails that exchange.")
    private int maxSessions = WatchSet.DEFAULT_MAX_SESSIONS;

    @UriParam(label = "watch", defaultValue = "50",
              description = "The most new connections a watch consumer makes per second (start-up, reconnect herds);"
                            + " a 429 answer slows it down for a while. 0: unpaced.")
    private int maxConnectsPerSecond = 50;

    @UriParam(label = "watch,advanced", defaultValue = "90",
              description = "Over https, the most session streams a watch consumer puts on one HTTP client, and so on"
                            + " one HTTP/2 connection: keep it below the server's limit of concurrent streams per"
                            + " connection (often 100 to 250). Each client has one connection and one selector"
                            + " thread. 0: one client for all. Over http (HTTP/1.1, a connection per stream) all"
                            + " sessions share one client.")
    private int maxStreamsPerClient = 90;

    @UriParam(label = "watch", defaultValue = "0", javaType = "java.time.Duration",
              description = "How often a watch consumer reads its watchRepository again, to open the sessions that"
                            + " other nodes added to it and close those they removed or finished. Set it when several"
                            + " replicas share the repository and add sessions on any of them (the consumer under"
                            + " master:, so that one replica streams the set). 0: never; the repository is read when"
                            + " the consumer starts.")
    private long watchRefreshInterval;

    /** A copy whose changes leave this one alone; what it refers to (a repository, TLS parameters) is shared. */
    public PredicateSseConfiguration copy() {
        try {
            return (PredicateSseConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
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

    public boolean isCloseOnTerminal() {
        return closeOnTerminal;
    }

    public void setCloseOnTerminal(boolean closeOnTerminal) {
        this.closeOnTerminal = closeOnTerminal;
    }

    public boolean isTerminalOnly() {
        return terminalOnly;
    }

    public void setTerminalOnly(boolean terminalOnly) {
        this.terminalOnly = terminalOnly;
    }

    public boolean isSkipUnchanged() {
        return skipUnchanged;
    }

    public void setSkipUnchanged(boolean skipUnchanged) {
        this.skipUnchanged = skipUnchanged;
    }

    public boolean isRawPayload() {
        return rawPayload;
    }

    public void setRawPayload(boolean rawPayload) {
        this.rawPayload = rawPayload;
    }

    public WatchRepository getWatchRepository() {
        return watchRepository;
    }

    public void setWatchRepository(WatchRepository watchRepository) {
        this.watchRepository = watchRepository;
    }

    public int getMaxSessions() {
        return maxSessions;
    }

    public void setMaxSessions(int maxSessions) {
        this.maxSessions = maxSessions;
    }

    public int getMaxConnectsPerSecond() {
        return maxConnectsPerSecond;
    }

    public void setMaxConnectsPerSecond(int maxConnectsPerSecond) {
        this.maxConnectsPerSecond = maxConnectsPerSecond;
    }

    public int getMaxStreamsPerClient() {
        return maxStreamsPerClient;
    }

    public void setMaxStreamsPerClient(int maxStreamsPerClient) {
        this.maxStreamsPerClient = maxStreamsPerClient;
    }

    public long getWatchRefreshInterval() {
        return watchRefreshInterval;
    }

    public void setWatchRefreshInterval(long watchRefreshInterval) {
        this.watchRefreshInterval = watchRefreshInterval;
    }
}
