/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.time.Duration;

import io.camelsse.component.sse.connection.StreamSettings;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options every SSE component has: reconnection, timeouts, size limit and transport security. Durations accept
 * plain milliseconds ({@code 500}) and Camel's duration syntax ({@code 10s}, {@code 1m}).
 */
@UriParams
public class SseCommonConfiguration {

    @UriParam(label = "consumer", defaultValue = "1000", javaType = "java.time.Duration",
              description = "The first delay before a reconnect. A server's retry: field replaces it.")
    private long reconnectDelay = 1000;

    @UriParam(label = "consumer", defaultValue = "30000", javaType = "java.time.Duration",
              description = "The upper bound of the exponential backoff between reconnects.")
    private long maxReconnectDelay = 30000;

    @UriParam(label = "consumer", defaultValue = "0",
              description = "Reconnect attempts in a row that may fail before the consumer gives up (the first"
                            + " connection is not counted). 0 means never give up.")
    private int maxReconnectAttempts;

    @UriParam(label = "consumer", defaultValue = "60000", javaType = "java.time.Duration",
              description = "Reconnect when nothing, not even a comment, arrives for this long. 0 turns it off.")
    private long readTimeout = 60000;

    @UriParam(label = "consumer", defaultValue = "10000", javaType = "java.time.Duration",
              description = "The TCP and TLS connect timeout.")
    private long connectTimeout = 10000;

    @UriParam(label = "consumer,advanced", defaultValue = "4194304",
              description = "The largest event, in bytes, that is accepted. A larger one is not delivered: the error"
                            + " is reported and the stream reconnects.")
    private int maxEventSize = 4 * 1024 * 1024;

    @UriParam(label = "consumer", defaultValue = "60000", javaType = "java.time.Duration",
              description = "The consumer's health check turns DOWN once the stream has had no connection for this"
                            + " long (a stream that never connected since its start counts), and UP again on the next"
                            + " connection. 0: only a permanent failure turns it DOWN.")
    private long unhealthyAfter = 60000;

    @UriParam(label = "consumer", defaultValue = "false",
              description = "When an exchange fails and the route's error handler did not handle it, close the"
                            + " connection and reconnect from the last completed event ID, so the failed event is"
                            + " delivered again (at-least-once for failures). false: log the failure and go on.")
    private boolean breakOnFirstError;

    @UriParam(label = "security", description = "TLS configuration for https streams.")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "security", defaultValue = "false",
              description = "Allow plain http:// to a host that is not loopback. Off by default, so that"
                            + " credentials are never sent in clear by accident.")
    private boolean allowPlainHttp;

    public StreamSettings toStreamSettings() {
        return new StreamSettings(Duration.ofMillis(reconnectDelay), Duration.ofMillis(maxReconnectDelay),
                maxReconnectAttempts, Duration.ofMillis(readTimeout), Duration.ofMillis(connectTimeout), maxEventSize);
    }

    public long getReconnectDelay() {
        return reconnectDelay;
    }

    public void setReconnectDelay(long reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }

    public long getMaxReconnectDelay() {
        return maxReconnectDelay;
    }

    public void setMaxReconnectDelay(long maxReconnectDelay) {
        this.maxReconnectDelay = maxReconnectDelay;
    }

    public int getMaxReconnectAttempts() {
        return maxReconnectAttempts;
    }

    public void setMaxReconnectAttempts(int maxReconnectAttempts) {
        this.maxReconnectAttempts = maxReconnectAttempts;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public int getMaxEventSize() {
        return maxEventSize;
    }

    public void setMaxEventSize(int maxEventSize) {
        this.maxEventSize = maxEventSize;
    }

    public long getUnhealthyAfter() {
        return unhealthyAfter;
    }

    public void setUnhealthyAfter(long unhealthyAfter) {
        this.unhealthyAfter = unhealthyAfter;
    }

    public boolean isBreakOnFirstError() {
        return breakOnFirstError;
    }

    public void setBreakOnFirstError(boolean breakOnFirstError) {
        this.breakOnFirstError = breakOnFirstError;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public boolean isAllowPlainHttp() {
        return allowPlainHttp;
    }

    public void setAllowPlainHttp(boolean allowPlainHttp) {
        this.allowPlainHttp = allowPlainHttp;
    }
}
