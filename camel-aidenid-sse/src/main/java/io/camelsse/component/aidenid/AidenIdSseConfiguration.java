/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import io.camelsse.component.sse.support.SseCommonConfiguration;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/**
 * Options of the {@code aidenid-sse} endpoint. The component holds one as the defaults of its endpoints, each of
 * which gets a {@link #copy()}.
 */
@UriParams
public class AidenIdSseConfiguration extends SseCommonConfiguration implements Cloneable {

    public static final String DEFAULT_BASE_URL = "https://api.aidenid.com";

    @UriPath(enums = "stream", description = "The project event stream; `stream` is the only one.")
    @Metadata(required = true)
    private String stream;

    @UriParam(label = "security", secret = true,
              description = "The AidenID API key, sent as Authorization: Bearer. Required, on the endpoint or on the"
                            + " component. Prefer the component or a property placeholder such as"
                            + " {{env:AIDENID_API_KEY}}.")
    private String apiKey;

    @UriParam(description = "The organization, sent as X-Org-Id. Required, on the endpoint or on the component.")
    private String orgId;

    @UriParam(description = "The project, sent as X-Project-Id. Required, on the endpoint or on the component.")
    private String projectId;

    @UriParam(defaultValue = DEFAULT_BASE_URL,
              description = "The API's base URL; the stream is at the base URL followed by /v1/realtime/stream.")
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(label = "consumer",
              description = "Resume after this event ID on the first connection, sent as Last-Event-ID. An ID"
                            + " stored in lastEventIdRepository takes precedence.")
    private String lastEventId;

    @UriParam(label = "consumer",
              description = "Where the ID of each completed exchange is stored, and read on start, so that a"
                            + " restarted route resumes where it stopped, e.g. a FileStateRepository. The consumer"
                            + " starts it if needed and never stops or clears it.")
    private StateRepository<String, String> lastEventIdRepository;

    @UriParam(label = "consumer",
              description = "The key under which the last event ID is stored in lastEventIdRepository. Default:"
                            + " aidenid-sse/ORG_ID/PROJECT_ID, with the endpoint's orgId and projectId. Give each"
                            + " route its own key when several routes read the same project.")
    private String lastEventIdRepositoryKey;

    @UriParam(label = "consumer", defaultValue = "10000", javaType = "java.time.Duration",
              description = "With a resume strategy (the route's resumable() EIP): how long the consumer waits on"
                            + " start for the strategy to read its store up to now, so that it resumes from the"
                            + " newest position any node wrote. A strategy that never reads back what it writes"
                            + " costs this long once, with a warning.")
    private long resumeReadTimeout = 10000;

    @UriParam(label = "consumer",
              description = "Comma-separated event types to deliver, such as"
                            + " extraction.completed,inbound.received. Events of other types produce no exchange."
                            + " Default: all.")
    private String eventTypes;

    @UriParam(label = "consumer", defaultValue = "false",
              description = "Make the body the payload's JSON text as received instead of an AidenIdEvent.")
    private boolean rawPayload;

    /** A copy whose changes leave this one alone; what it refers to (a repository, TLS parameters) is shared. */
    public AidenIdSseConfiguration copy() {
        try {
            return (AidenIdSseConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    public String getStream() {
        return stream;
    }

    public void setStream(String stream) {
        this.stream = stream;
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

    public String getLastEventId() {
        return lastEventId;
    }

    public void setLastEventId(String lastEventId) {
        this.lastEventId = lastEventId;
    }

    public StateRepository<String, String> getLastEventIdRepository() {
        return lastEventIdRepository;
    }

    public void setLastEventIdRepository(StateRepository<String, String> lastEventIdRepository) {
        this.lastEventIdRepository = lastEventIdRepository;
    }

    public String getLastEventIdRepositoryKey() {
        return lastEventIdRepositoryKey;
    }

    public void setLastEventIdRepositoryKey(String lastEventIdRepositoryKey) {
        this.lastEventIdRepositoryKey = lastEventIdRepositoryKey;
    }

    public long getResumeReadTimeout() {
        return resumeReadTimeout;
    }

    public void setResumeReadTimeout(long resumeReadTimeout) {
        this.resumeReadTimeout = resumeReadTimeout;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
    }

    public boolean isRawPayload() {
        return rawPayload;
    }

    public void setRawPayload(boolean rawPayload) {
        this.rawPayload = rawPayload;
    }
}
