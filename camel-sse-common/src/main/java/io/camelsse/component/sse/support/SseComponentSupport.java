/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import io.camelsse.component.sse.connection.MonotonicClock;
import io.camelsse.component.sse.connection.StreamScheduler;
import io.camelsse.component.sse.connection.WorkerThreads;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Base of the SSE components: owns what all streams of one component share, the HTTP clients and the scheduler for
 * reconnect delays and read timeouts. Both come from Camel's {@link ExecutorServiceManager}, so users get virtual
 * threads on Java 21+ when they turn them on, and both end with the component.
 */
public abstract class SseComponentSupport extends HealthCheckComponent {

    @Metadata(label = "advanced", defaultValue = "8",
              description = "The threads that read, parse and route the events of every stream of this component;"
                            + " they end after a minute without work. An idle stream holds none; a route that blocks"
                            + " holds one for as long as it blocks, so raise this, or hand slow work to another"
                            + " thread pool, when many streams wait on slow calls at once. With Camel's virtual"
                            + " threads on (Java 21+), every task gets a virtual thread instead.")
    private int workerThreads = 8;

    private ExecutorService httpExecutor;
    private Executor workerExecutor;
    private ScheduledExecutorService schedulerExecutor;
    private StreamScheduler scheduler;
    private HttpClientProvider httpClients;
    private WrappedConsumerDrain wrappedConsumerDrain;
    private WrappedConsumersInView wrappedConsumersInView;

    /** The client for this connect timeout and TLS setup, shared with every other stream that needs the same. */
    public synchronized HttpClient httpClient(Duration connectTimeout, SSLContextParameters sslContextParameters) {
        ensureWorkers();
        return httpClients.clientFor(connectTimeout, sslContextParameters);
    }

    private void ensureWorkers() {
        if (httpClients == null) {
            // a fixed number of threads, not one per burst: the JDK client hands every chunk it reads to this pool.
            // The queue must hold whatever comes: a refused task would run on the caller, at times the client's
            // selector thread (and Camel reads a queue size of 0 or less as no queue at all)
            ThreadPoolProfile workers = new ThreadPoolProfile("SseHttpClient");
            workers.setPoolSize(workerThreads);
            workers.setMaxPoolSize(workerThreads);
            workers.setMaxQueueSize(Integer.MAX_VALUE);
            workers.setAllowCoreThreadTimeOut(true);
            httpExecutor = getCamelContext().getExecutorServiceManager().newThreadPool(this, "SseHttpClient", workers);
            workerExecutor = WorkerThreads.marking(httpExecutor);
            httpClients = new HttpClientProvider(getCamelContext(), workerExecutor);
        }
    }

    /**
     * A client for one stream alone, whose events are routed on its selector thread (see
     * {@link io.camelsse.component.sse.connection.SseStream#deliverOnReadingThread}): a thread per stream for the
     * lowest latency per event. Not shared: the caller shuts it down when its stream is over.
     */
    public synchronized HttpClient dedicatedHttpClient(Duration connectTimeout,
                                                       SSLContextParameters sslContextParameters) {
        ensureWorkers();
        return httpClients.dedicatedClient(connectTimeout, sslContextParameters);
    }

    /** The worker threads that route events, for the signals a client of a stream's own does not deliver itself. */
    public synchronized Executor workers() {
        if (workerExecutor == null) {
            throw new IllegalStateException("No HTTP client was asked for yet");
        }
        return workerExecutor;
    }

    /** The timers for reconnect delays and read timeouts of every stream of this component; they never block. */
    public synchronized StreamScheduler scheduler() {
        if (scheduler == null) {
            // Camel's default profile bounds the queue at 1,000 tasks and refuses the rest: one pending reconnect per
            // stream, with thousands of streams, must never be refused
            ThreadPoolProfile unboundedQueue = new ThreadPoolProfile("SseScheduler");
            unboundedQueue.setPoolSize(1);
            unboundedQueue.setMaxQueueSize(-1);
            schedulerExecutor = getCamelContext().getExecutorServiceManager()
                    .newScheduledThreadPool(this, "SseScheduler", unboundedQueue);
            // a stopped stream cancels its reconnect: it must leave the queue then, not when its delay is up (Camel's
            // virtual-thread scheduled pool does not set this, its platform one does)
            if (schedulerExecutor instanceof ScheduledThreadPoolExecutor stpe) {
                stpe.setRemoveOnCancelPolicy(true);
            }
            scheduler = new StreamScheduler(schedulerExecutor, MonotonicClock.fromSystemClock());
        }
        return scheduler;
    }

    public int getWorkerThreads() {
        return workerThreads;
    }

    public void setWorkerThreads(int workerThreads) {
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be at least 1, not " + workerThreads);
        }
        this.workerThreads = workerThreads;
    }

    /**
     * What lets the exchanges of this component's wrapped consumers (under {@code master:}) finish when the context
     * begins to stop, before Camel stops their routes.
     */
    public synchronized WrappedConsumerDrain wrappedConsumerDrain() {
        if (wrappedConsumerDrain == null) {
            wrappedConsumerDrain = new WrappedConsumerDrain(InFlightDeliveries.STOP_WAIT);
            getCamelContext().addLifecycleStrategy(wrappedConsumerDrain);
        }
        return wrappedConsumerDrain;
    }

    /** Where this component's wrapped consumers (under {@code master:}) show their health and their streams. */
    public synchronized WrappedConsumersInView wrappedConsumersInView() {
        if (wrappedConsumersInView == null) {
            wrappedConsumersInView = new WrappedConsumersInView(getCamelContext());
        }
        return wrappedConsumersInView;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        ExecutorServiceManager executors = getCamelContext().getExecutorServiceManager();
        if (httpClients != null) {
            httpClients.close();
            httpClients = null;
        }
        if (httpExecutor != null) {
            // not shutdownNow: a dropped task may be the one that finishes a cancelled body, and until a body finishes
            // the JDK client counts its exchange as pending and keeps its selector thread (Java 17) for ever. What is
            // queued ends quickly, since every stream is stopped by now
            executors.shutdown(httpExecutor);
            httpExecutor = null;
            workerExecutor = null;
        }
        if (schedulerExecutor != null) {
            executors.shutdownNow(schedulerExecutor);
            schedulerExecutor = null;
            scheduler = null;
        }
        super.doStop();
    }
}
