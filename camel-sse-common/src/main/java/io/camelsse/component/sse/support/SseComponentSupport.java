/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Base of the SSE components: owns what all streams of one component share, the HTTP clients and the scheduler for
 * reconnect delays and read timeouts. Both come from Camel's {@link ExecutorServiceManager}, so users get virtual
 * threads on Java 21+ when they turn them on, and both end with the component.
 */
public abstract class SseComponentSupport extends HealthCheckComponent {

    private ExecutorService httpExecutor;
    private ScheduledExecutorService scheduler;
    private HttpClientProvider httpClients;

    /** The client for this connect timeout and TLS setup, shared with every other stream that needs the same. */
    public synchronized HttpClient httpClient(Duration connectTimeout, SSLContextParameters sslContextParameters) {
        if (httpClients == null) {
            httpExecutor = getCamelContext().getExecutorServiceManager().newCachedThreadPool(this, "SseHttpClient");
            httpClients = new HttpClientProvider(getCamelContext(), httpExecutor);
        }
        return httpClients.clientFor(connectTimeout, sslContextParameters);
    }

    /** The scheduler for reconnect delays and read timeouts; its tasks never block. */
    public synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this, "SseScheduler", 1);
        }
        return scheduler;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        ExecutorServiceManager executors = getCamelContext().getExecutorServiceManager();
        if (httpClients != null) {
            httpClients.close();
            httpClients = null;
        }
        if (httpExecutor != null) {
            executors.shutdownNow(httpExecutor);
            httpExecutor = null;
        }
        if (scheduler != null) {
            executors.shutdownNow(scheduler);
            scheduler = null;
        }
        super.doStop();
    }
}
