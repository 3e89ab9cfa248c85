/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid.springboot;

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
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed
     * as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party
     * component allows Camel to be alerted if an exception was thrown. Some components handle this internally only,
     * and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to
     * hook into the 3rd party component and make this possible for future releases. By default the consumer will
     * use the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR
     * level and ignored.
     */
    private Boolean bridgeErrorHandler = false;
    /**
     * The organization (X-Org-Id) for every endpoint that sets none.
     */
    private String orgId;
    /**
     * The project (X-Project-Id) for every endpoint that sets none.
     */
    private String projectId;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS
     * connection factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * The API's base URL for every endpoint that sets none. Default: https://api.aidenid.com.
     */
    private String baseUrl;
    /**
     * The threads that read, parse and route the events of every stream of this component; they end after a minute
     * without work. An idle stream holds none; a route that blocks holds one for as long as it blocks, so raise
     * this, or hand slow work to another thread pool, when many streams wait on slow calls at once. With Camel's
     * virtual threads on (Java 21), every task gets a virtual thread instead.
     */
    private Integer workerThreads = 8;
    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;
    /**
     * The AidenID API key for every endpoint that sets none, sent as Authorization: Bearer. Secret: set it through
     * a placeholder (${AIDENID_API_KEY} or {{env:AIDENID_API_KEY}}) rather than in a committed file; the starter
     * never logs it, and Camel masks it wherever it shows an endpoint URI.
     */
    private String apiKey;

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
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

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
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

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }
}
