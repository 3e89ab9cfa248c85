/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate.springboot;

import io.camelsse.component.sse.springboot.BeanReferenceProperty;
import io.camelsse.component.sse.springboot.DurationProperty;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The options of the {@code predicate-sse} component (Predicate KYC / KYB session status) as
 * {@code camel.component.predicate-sse.*} properties. Each field's Javadoc is the option's description, which the
 * configuration processor puts into the metadata an IDE shows; {@code PredicateSseStarterOptionsTest} fails when this
 * class and the component's options part.
 */
@ConfigurationProperties(prefix = "camel.component.predicate-sse")
public class PredicateSseComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    // the base class holds the flag; this field only gives camel.component.predicate-sse.enabled its description
    /**
     * Whether to enable auto configuration of the predicate-sse component. This is enabled by default.
     */
    @SuppressWarnings("unused")
    private Boolean enabled;
    /**
     * The API's base URL; a session's stream is at the base URL followed by /api/v1/status/realtime/, the type and the
     * session ID. The earlier generation is https://api.kyc.predicate.io.
     */
    private String baseUrl = "https://api.identity.predicate.io";
    /**
     * The options every endpoint of this component starts from; an endpoint's own options override them.
     */
    @BeanReferenceProperty
    private io.camelsse.component.predicate.PredicateSseConfiguration configuration;
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
     * After a terminal status (completed, rejected, failed) is delivered, close the stream and never reconnect, until
     * the route is restarted.
     */
    private Boolean closeOnTerminal = true;
    /**
     * The TCP and TLS connect timeout.
     */
    @DurationProperty
    private Long connectTimeout = 10000L;
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
     * The body is the JSON text as received instead of a PredicateStatusEvent. The headers are set either way.
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
     * Do not deliver an event equal to the last one delivered for this session, such as the snapshot a server re-sends
     * after a reconnect. Events are compared as parsed, so formatting does not matter.
     */
    private Boolean skipUnchanged = true;
    /**
     * Deliver only terminal statuses (completed, rejected, failed), for instance for a pollEnrich that waits for the
     * outcome.
     */
    private Boolean terminalOnly = false;
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
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;
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
     * The Predicate API key, sent as Authorization: Bearer. Required, on the endpoint or on the component. Prefer
     * setting it on the component or through a property placeholder: Camel echoes a malformed endpoint URI, key
     * included, in its own parse errors. Secret: set it through a placeholder (${PREDICATE_API_KEY} or
     * {{env:PREDICATE_API_KEY}}) rather than in a committed file; the starter never logs it, and Camel masks it
     * wherever it shows an endpoint URI.
     */
    private String apiKey;
    /**
     * TLS configuration for https streams.
     */
    @BeanReferenceProperty
    private org.apache.camel.support.jsse.SSLContextParameters sslContextParameters;
    /**
     * The most new connections a watch consumer makes per second (start-up, reconnect herds); a 429 answer slows it
     * down for a while. 0: unpaced.
     */
    private Integer maxConnectsPerSecond = 50;
    /**
     * The capacity of a watch set: adding a session beyond it fails that exchange.
     */
    private Integer maxSessions = 10000;
    /**
     * How often a watch consumer reads its watchRepository again, to open the sessions that other nodes added to it and
     * close those they removed or finished. Set it when several replicas share the repository and add sessions on any
     * of them (the consumer under master:, so that one replica streams the set). 0: never; the repository is read when
     * the consumer starts.
     */
    @DurationProperty
    private Long watchRefreshInterval = 0L;
    /**
     * Where a watch set keeps its sessions and the last status delivered for each, so that a restarted consumer
     * re-opens every session that is not final and does not deliver a status again. In memory when not set;
     * FileWatchRepository and JdbcWatchRepository ship with the component.
     */
    @BeanReferenceProperty
    private io.camelsse.component.predicate.WatchRepository watchRepository;
    /**
     * Over https, the most session streams a watch consumer puts on one HTTP client, and so on one HTTP/2 connection:
     * keep it below the server's limit of concurrent streams per connection (often 100 to 250). Each client has one
     * connection and one selector thread. 0: one client for all. Over http (HTTP/1.1, a connection per stream) all
     * sessions share one client.
     */
    private Integer maxStreamsPerClient = 90;

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public io.camelsse.component.predicate.PredicateSseConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(io.camelsse.component.predicate.PredicateSseConfiguration configuration) {
        this.configuration = configuration;
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

    public Boolean getCloseOnTerminal() {
        return closeOnTerminal;
    }

    public void setCloseOnTerminal(Boolean closeOnTerminal) {
        this.closeOnTerminal = closeOnTerminal;
    }

    public Long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Long connectTimeout) {
        this.connectTimeout = connectTimeout;
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

    public Boolean getSkipUnchanged() {
        return skipUnchanged;
    }

    public void setSkipUnchanged(Boolean skipUnchanged) {
        this.skipUnchanged = skipUnchanged;
    }

    public Boolean getTerminalOnly() {
        return terminalOnly;
    }

    public void setTerminalOnly(Boolean terminalOnly) {
        this.terminalOnly = terminalOnly;
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

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
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

    public Integer getMaxConnectsPerSecond() {
        return maxConnectsPerSecond;
    }

    public void setMaxConnectsPerSecond(Integer maxConnectsPerSecond) {
        this.maxConnectsPerSecond = maxConnectsPerSecond;
    }

    public Integer getMaxSessions() {
        return maxSessions;
    }

    public void setMaxSessions(Integer maxSessions) {
        this.maxSessions = maxSessions;
    }

    public Long getWatchRefreshInterval() {
        return watchRefreshInterval;
    }

    public void setWatchRefreshInterval(Long watchRefreshInterval) {
        this.watchRefreshInterval = watchRefreshInterval;
    }

    public io.camelsse.component.predicate.WatchRepository getWatchRepository() {
        return watchRepository;
    }

    public void setWatchRepository(io.camelsse.component.predicate.WatchRepository watchRepository) {
        this.watchRepository = watchRepository;
    }

    public Integer getMaxStreamsPerClient() {
        return maxStreamsPerClient;
    }

    public void setMaxStreamsPerClient(Integer maxStreamsPerClient) {
        this.maxStreamsPerClient = maxStreamsPerClient;
    }
}
