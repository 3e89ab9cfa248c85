/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.springboot;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The options of the {@code sse} component (any Server-Sent Events stream) as {@code camel.component.sse.*}
 * properties. Each field's Javadoc is the option's description, which the configuration processor puts into the
 * metadata an IDE shows; {@code SseStarterOptionsTest} fails when this class and the component's options part.
 */
@ConfigurationProperties(prefix = "camel.component.sse")
public class SseComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    // the base class holds the flag; this field only gives camel.component.sse.enabled its description
    /**
     * Whether to enable auto configuration of the sse component. This is enabled by default.
     */
    @SuppressWarnings("unused")
    private Boolean enabled;
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as
     * a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and
     * therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook
     * into the 3rd party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler = false;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
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
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;
    /**
     * Request headers for every endpoint of this component, as Name: value pairs separated by commas, such as
     * 'X-Org-Id: acme, X-Api-Key: {{env:API_KEY}}'. An endpoint header of the same name replaces the one given here.
     * The names keep their dashes, also when set from application.properties (camel.component.sse.request-headers).
     * Secret: it may carry credentials, so set it through a placeholder (${SSE_REQUEST_HEADERS} or
     * {{env:SSE_REQUEST_HEADERS}}) rather than in a committed file; the starter never logs it.
     */
    private String requestHeaders;

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
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

    public String getRequestHeaders() {
        return requestHeaders;
    }

    public void setRequestHeaders(String requestHeaders) {
        this.requestHeaders = requestHeaders;
    }
}
