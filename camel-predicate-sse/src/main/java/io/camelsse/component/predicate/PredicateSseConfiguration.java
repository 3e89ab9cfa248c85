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
 * Options of a {@code predicate-sse} endpoint, on top of the options every SSE component has.
 */
@UriParams
public class PredicateSseConfiguration extends SseCommonConfiguration {

    /** The current API generation. */
    public static final String DEFAULT_BASE_URL = "https://api.identity.predicate.io";
    /** The earlier API generation, whose statuses are {@code pending, in_progress, completed, failed}. */
    public static final String EARLIER_GENERATION_BASE_URL = "https://api.kyc.predicate.io";

    @UriPath(enums = "individual,business",
             description = "The verification type: individual (KYC) or business (KYB).")
    @Metadata(required = true)
    private String type;

    @UriPath(description = "The session ID (a UUID) from Predicate's registration response.")
    @Metadata(required = true)
    private String sessionId;

    @UriParam(label = "security", secret = true,
              description = "The Predicate API key, sent as Authorization: Bearer. When not set here, the"
                            + " component's apiKey is used. Prefer setting it on the component or through a"
                            + " property placeholder: Camel echoes a malformed endpoint URI, key included, in its"
                            + " own parse errors.")
    private String apiKey;

    @UriParam(defaultValue = DEFAULT_BASE_URL,
              description = "The API's base URL. When not set here, the component's baseUrl is used. The earlier"
                            + " generation is " + EARLIER_GENERATION_BASE_URL + ".")
    private String baseUrl;

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
}
