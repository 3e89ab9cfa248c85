/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid.springboot;

import io.camelsse.component.sse.springboot.BeanReferenceProperty;
import io.camelsse.component.sse.springboot.DurationProperty;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The options of the {@code aidenid-sse} component (AidenID project events) as
 * {@code camel.component.aidenid-sse.*} properties. Each field's Javadoc is the option's description, which the
 * configuration processor puts into the metadata an IDE shows; {@code AidenIdSseStarterOptionsTest} fails when this
 * class and the component's options part.
 */
@ConfigurationProperties(prefix = "camel.component.aidenid-sse")
public class AidenIdSseComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    // the base class holds the flag; this field only gives camel.component.aidenid-sse.enabled its description
    /**
     * Whether to enable auto configuration of the aidenid-sse component. This is enabled by default.
     */
    @SuppressWarnings("unused")
    private Boolean enabled;
    /**
     * The API's base URL; the stream is at the base URL followed by /v1/realtime/stream.
     */
    private String baseUrl = "https://api.aidenid.com";
    /**
     * When an exchange fails and the route's error handler did not handle it, close the connection and reconnect from
     * the last completed event ID, so the failed event is delivered again (at-least-once for failures). false: log the
     * failure and go on.
     */
    private Boolean breakOnFirstError = false;
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as a
     * message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and therefore
     * bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook into the 3rd
     * party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler = false;
    /**
     * The options every endpoint of this component starts from; an endpoint's own options override them.
     */
    @BeanReferenceProperty
    private io.camelsse.component.aidenid.AidenIdSseConfiguration configuration;
    /**
     * The TCP and TLS connect timeout.
     */
    @DurationProperty
    private Long connectTimeout = 10000L;
    /**
     * Comma-separated event types to deliver, such as extraction.completed,inbound.received. Events of other types
     * produce no exchange. Default: all.
     */
    private String eventTypes;
    /**
     * Resume after this event ID on the first connection, sent as Last-Event-ID. An ID stored in lastEventIdRepository
     * takes precedence.
     */
    private String lastEventId;
    /**
     * Where the ID of each completed exchange is stored, and read on start, so that a restarted route resumes where it
     * stopped, e.g. a FileStateRepository. The consumer starts it if needed and never stops or clears it.
     */
    @BeanReferenceProperty
    private org.apache.camel.spi.StateRepository<java.lang.String, java.lang.String> lastEventIdRepository;
    /**
     * The key under which the last event ID is stored in lastEventIdRepository. Default:
     * aidenid-sse/ORG_ID/PROJECT_ID, with the endpoint's orgId and projectId. Give each route its own key when several
     * routes read the same project.
     */
    private String lastEventIdRepositoryKey;
    /**
     * Reconnect attempts in a row that may fail before the consumer gives up (the first connection is not counted). 0
     * means never give up.
     */
    private Integer maxReconnectAttempts = 0;
    /**
     * The upper bound of the exponential backoff between reconnects.
     */
    @DurationProperty
    private Long maxReconnectDelay = 30000L;
    /**
     * The organization, sent as X-Org-Id. Required, on the endpoint or on the component.
     */
    private String orgId;
    /**
     * The project, sent as X-Project-Id. Required, on the endpoint or on the component.
     */
    private String projectId;
    /**
     * Make the body the payload's JSON text as received instead of an AidenIdEvent.
     */
    private Boolean rawPayload = false;
    /**
     * Reconnect when nothing, not even a comment, arrives for this long. 0 turns it off.
     */
    @DurationProperty
    private Long readTimeout = 60000L;
    /**
     * The first delay before a reconnect. A server's retry: field replaces it.
     */
    @DurationProperty
    private Long reconnectDelay = 1000L;
    /**
     * With a resume strategy (the route's resumable() EIP): how long the consumer waits on start for the strategy to
     * read its store up to now, so that it resumes from the newest position any node wrote. A strategy that never reads
     * back what it writes costs this long once, with a warning.
     */
    @DurationProperty
    private Long resumeReadTimeout = 10000L;
    /**
     * The consumer's health check turns DOWN once the stream has had no connection for this long (a stream that never
     * connected since its start counts), and UP again on the next connection. 0: only a permanent failure turns it
     * DOWN.
     */
    @DurationProperty
    private Long unhealthyAfter = 60000L;
    /**
     * The largest event, in bytes, that is accepted. A larger one is not delivered: the error is reported and the
     * stream reconnects.
     */
    private Integer maxEventSize = 4194304;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * The threads that read, parse and route the events of every stream of this component; they end after a minute
     * without work. An idle stream holds none; a route that blocks holds one for as long as it blocks, so raise this,
     * or hand slow work to another thread pool, when many streams wait on slow calls at once. With Camel's virtual
     * threads on (Java 21), every task gets a virtual thread instead.
     */
    private Integer workerThreads = 8;
    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by default
     * disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;
    /**
     * Allow plain http:// to a host that is not loopback. Off by default, so that credentials are never sent in clear
     * by accident.
     */
    private Boolean allowPlainHttp = false;
    /**
     * The AidenID API key, sent as Authorization: Bearer. Required, on the endpoint or on the component. Prefer the
     * component or a property placeholder such as {{env:AIDENID_API_KEY}}. Secret: set it through a placeholder
     * (${AIDENID_API_KEY} or {{env:AIDENID_API_KEY}}) rather than in a committed file; the starter never logs it, and
     * Camel masks it wherever it shows an endpoint URI.
     */
    private String apiKey;
    /**
     * TLS configuration for https streams.
     */
    @BeanReferenceProperty
    private org.apache.camel.support.jsse.SSLContextParameters sslContextParameters;

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Boolean getBreakOnFirstError() {
        return breakOnFirstError;
    }

    public void setBreakOnFirstError(Boolean breakOnFirstError) {
        this.breakOnFirstError = breakOnFirstError;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public io.camelsse.component.aidenid.AidenIdSseConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(io.camelsse.component.aidenid.AidenIdSseConfiguration configuration) {
        this.configuration = configuration;
    }

    public Long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
    }

    public String getLastEventId() {
        return lastEventId;
    }

    public void setLastEventId(String lastEventId) {
        this.lastEventId = lastEventId;
    }

    public org.apache.camel.spi.StateRepository<java.lang.String, java.lang.String> getLastEventIdRepository() {
        return lastEventIdRepository;
    }

    public void setLastEventIdRepository(org.apache.camel.spi.StateRepository<java.lang.String, java.lang.String> lastEventIdRepository) {
        this.lastEventIdRepository = lastEventIdRepository;
    }

    public String getLastEventIdRepositoryKey() {
        return lastEventIdRepositoryKey;
    }

    public void setLastEventIdRepositoryKey(String lastEventIdRepositoryKey) {
        this.lastEventIdRepositoryKey = lastEventIdRepositoryKey;
    }

    public Integer getMaxReconnectAttempts() {
        return maxReconnectAttempts;
    }

    public void setMaxReconnectAttempts(Integer maxReconnectAttempts) {
        this.maxReconnectAttempts = maxReconnectAttempts;
    }

    public Long getMaxReconnectDelay() {
        return maxReconnectDelay;
    }

    public void setMaxReconnectDelay(Long maxReconnectDelay) {
        this.maxReconnectDelay = maxReconnectDelay;
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

    public Boolean getRawPayload() {
        return rawPayload;
    }

    public void setRawPayload(Boolean rawPayload) {
        this.rawPayload = rawPayload;
    }

    public Long getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public Long getReconnectDelay() {
        return reconnectDelay;
    }

    public void setReconnectDelay(Long reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }

    public Long getResumeReadTimeout() {
        return resumeReadTimeout;
    }

    public void setResumeReadTimeout(Long resumeReadTimeout) {
        this.resumeReadTimeout = resumeReadTimeout;
    }

    public Long getUnhealthyAfter() {
        return unhealthyAfter;
    }

    public void setUnhealthyAfter(Long unhealthyAfter) {
        this.unhealthyAfter = unhealthyAfter;
    }

    public Integer getMaxEventSize() {
        return maxEventSize;
    }

    public void setMaxEventSize(Integer maxEventSize) {
        this.maxEventSize = maxEventSize;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Integer getWorkerThreads() {
        return workerThreads;
    }

    public void setWorkerThreads(Integer workerThreads) {
        this.workerThreads = workerThreads;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public Boolean getAllowPlainHttp() {
        return allowPlainHttp;
    }

    public void setAllowPlainHttp(Boolean allowPlainHttp) {
        this.allowPlainHttp = allowPlainHttp;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public org.apache.camel.support.jsse.SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(org.apache.camel.support.jsse.SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }
}
