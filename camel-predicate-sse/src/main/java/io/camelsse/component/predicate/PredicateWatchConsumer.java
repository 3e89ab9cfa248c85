/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLContext;

import io.camelsse.component.sse.connection.DisplayUri;
import io.camelsse.component.sse.connection.SseStream;
import io.camelsse.component.sse.connection.StreamCounters;
import io.camelsse.component.sse.connection.StreamSettings;
import io.camelsse.component.sse.connection.StreamStatus;
import io.camelsse.component.sse.connection.WorkerThreads;
import io.camelsse.component.sse.event.ServerSentEvent;
import io.camelsse.component.sse.management.ManagedSseConsumer;
import io.camelsse.component.sse.metrics.SseMetrics;
import io.camelsse.component.sse.reconnect.ReconnectPolicy;
import io.camelsse.component.sse.support.ExchangeOutcome;
import io.camelsse.component.sse.support.InFlightDeliveries;
import io.camelsse.component.sse.support.StoreFailureDescription;
import io.camelsse.component.sse.support.StreamSnapshot;
import io.camelsse.component.sse.support.WrappableConsumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.spi.ThreadPoolProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the status events of every session of a watch set, one stream per session, with the same body and headers
 * as the single-session consumer. A session leaves the set once its terminal status has been delivered, or when its
 * stream fails for good (reported once, with its ID); the other sessions are not affected.
 * <p>
 * The streams share a few HTTP clients ({@link WatchHttpClients}), a small thread pool and the component's scheduler:
 * an idle session costs a socket (or an HTTP/2 stream) and a few objects. New connections are paced
 * ({@link ConnectPacer}). Routine events of single sessions are logged at DEBUG only.
 * <p>
 * A repository that cannot be read when the consumer starts does not fail the start, as a broker that is down does
 * not fail a messaging consumer's: under {@code master:} a failed start would leave the leader streaming nothing for
 * good. The consumer reads the set again with backoff on a thread of its own (a read may block), its health check
 * DOWN once that has lasted {@code unhealthyAfter}, and opens the sessions once it can.
 */
@ManagedResource(description = "Predicate watch consumer")
public class PredicateWatchConsumer extends WrappableConsumer implements ManagedSseConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(PredicateWatchConsumer.class);

    private final ConcurrentMap<String, SessionStream> sessions = new ConcurrentHashMap<>();
    private final InFlightDeliveries inFlight = new InFlightDeliveries();
    private final AtomicLong failed = new AtomicLong();
    // when the last session closed while it had a connection, since this start: the health check's reference
    private final AtomicReference<Instant> lastConnectionClosed = new AtomicReference<>();
    // shared by the streams of all sessions; a route that starts again has a new consumer, whose counts start from zero
    private final StreamCounters counters = new StreamCounters();
    // counts the starts of this consumer; written by its life cycle only. An event that a session's stream of an
    // earlier start read just before that start's stop is not routed in a later one (see deliver)
    private volatile long run;
    private volatile AutoCloseable meters;
    private volatile ExecutorService executor;
    private volatile WatchHttpClients clients;
    private volatile ConnectPacer pacer;
    private volatile StreamSettings settings;
    private volatile ScheduledExecutorService refresher;
    private volatile boolean refreshFailing;
    // guards readRetrier and unread: a retried read may end while the consumer stops
    private final Object readRetryLock = new Object();
    private ScheduledExecutorService readRetrier;
    private volatile UnreadWatchSet unread;

    public PredicateWatchConsumer(PredicateSseEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public PredicateSseEndpoint getEndpoint() {
        return (PredicateSseEndpoint) super.getEndpoint();
    }

    private PredicateSseConfiguration config() {
        return getEndpoint().getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        PredicateSseEndpoint endpoint = getEndpoint();
        PredicateSseConfiguration config = config();
        // the key, the base URL and the options are checked before any session connects
        PredicateApi api = endpoint.api();
        api.requireApiKey();
        settings = config.toStreamSettings();
        PredicateSseComponent component = endpoint.getComponent();
        executor = newExecutor();
        pacer = new ConnectPacer(component.scheduler(), config.getMaxConnectsPerSecond());
        SSLContext sslContext = config.getSslContextParameters() == null ? null
                : config.getSslContextParameters().createSSLContext(getEndpoint().getCamelContext());
        boolean mayUseHttp2 = api.scheme().equalsIgnoreCase("https");
        boolean spread = mayUseHttp2 && config.getMaxStreamsPerClient() > 0;
        clients = new WatchHttpClients(() -> new PacedHttpClient(newClient(sslContext), pacer, spread),
                spread ? config.getMaxStreamsPerClient() : 0);
        registerHealthCheck(component);
        failed.set(0);
        lastConnectionClosed.set(null);
        run++;
        inFlight.open(isWrapped() ? component.wrappedConsumerDrain() : null);
        WatchSet set = endpoint.watchSet();
        // a second route on the set is a mistake in the routes, not an outage: that start fails
        set.claim(this, run);
        try {
            logWatching(set.openAll(this, run));
        } catch (WatchSet.UnreadableException unreadable) {
            startRetryingTheRead(run, unreadable.getCause());
        }
        meters = SseMetrics.bind(endpoint.getCamelContext(), this);
        if (isWrapped()) {
            component.wrappedConsumersInView().started(this, getHealthCheck());
        }
        long refreshEvery = config.getWatchRefreshInterval();
        if (refreshEvery > 0) {
            refreshFailing = false;
            refresher = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, "PredicateWatchRefresh");
            refresher.scheduleWithFixedDelay(this::refresh, refreshEvery, refreshEvery, TimeUnit.MILLISECONDS);
        }
    }

    private void logWatching(int opening) {
        PredicateSseConfiguration config = config();
        LOG.info("Route '{}' watches {} Predicate session(s) of watch set '{}' ({})", getRouteId(), opening,
                getEndpoint().watchSet().name(), config.getMaxConnectsPerSecond() == 0 ? "unpaced"
                        : "at most " + config.getMaxConnectsPerSecond() + " new connections per second");
    }

    /** The first read of the set at this start failed: the start goes on, and the read is tried again. */
    private void startRetryingTheRead(long forRun, Throwable failure) {
        String cause = StoreFailureDescription.of(failure);
        // the description only: the repository's exception and its stack trace may quote a connection URL
        LOG.warn("Route '{}': watch set '{}' could not be read from its repository: {}. The route runs and streams no"
                 + " session until the set can be read; trying again with backoff, {} ms to {} ms apart",
                getRouteId(), getEndpoint().watchSet().name(), cause, settings.reconnectDelay().toMillis(),
                settings.maxReconnectDelay().toMillis());
        ReconnectPolicy backoff = new ReconnectPolicy(settings.reconnectDelay(), settings.maxReconnectDelay(), 0,
                ReconnectPolicy.JITTER);
        synchronized (readRetryLock) {
            unread = new UnreadWatchSet(1, cause, getEndpoint().getComponent().scheduler().clock().instant());
            readRetrier = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, "PredicateWatchLoad");
            scheduleRead(readRetrier, forRun, backoff);
        }
    }

    // under readRetryLock
    private void scheduleRead(ScheduledExecutorService on, long forRun, ReconnectPolicy backoff) {
        on.schedule(() -> retryRead(on, forRun, backoff), backoff.nextDelay(null).toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One more read of the set, on its own thread: opens the sessions, or waits for the next try. */
    private void retryRead(ScheduledExecutorService on, long forRun, ReconnectPolicy backoff) {
        WatchSet set = getEndpoint().watchSet();
        int opening = -1;
        RuntimeException notAllOpened = null;
        try {
            // opens nothing once the route stops: under the lock that the stop gives the set up under, the set
            // checks that this start still claims it and still runs
            opening = set.openAll(this, forRun);
        } catch (WatchSet.UnreadableException stillUnreadable) {
            String cause = StoreFailureDescription.of(stillUnreadable.getCause());
            synchronized (readRetryLock) {
                if (readRetrier == on) {
                    unread = new UnreadWatchSet(unread.attempts() + 1, cause, unread.since());
                    LOG.debug("Route '{}': watch set '{}' still cannot be read from its repository ({} attempts): {}",
                            getRouteId(), set.name(), unread.attempts(), cause);
                    scheduleRead(on, forRun, backoff);
                }
            }
            return;
        } catch (RuntimeException e) {
            notAllOpened = e;
        }
        int failedAttempts;
        synchronized (readRetryLock) {
            if (readRetrier != on) {
                // the route stopped meanwhile
                return;
            }
            failedAttempts = unread.attempts();
            unread = null;
            readRetrier = null;
        }
        getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(on);
        if (notAllOpened != null) {
            // the start this read belongs to cannot fail any more: the sessions that did open stream
            getExceptionHandler().handleException("Route '" + getRouteId() + "': watch set '" + set.name()
                                                  + "' was read from its repository, but not every session could"
                                                  + " be opened", notAllOpened);
        } else if (opening >= 0) {
            LOG.info("Route '{}': watch set '{}' was read from its repository after {} failed attempt(s)",
                    getRouteId(), set.name(), failedAttempts);
            logWatching(opening);
        }
    }

    /** @return why the set is not streamed yet, or null once it was read (or while the consumer is stopped) */
    UnreadWatchSet unread() {
        return unread;
    }

    /** Takes in what other nodes changed in the shared repository; a failure is reported once until it recovers. */
    private void refresh() {
        WatchSet set = getEndpoint().watchSet();
        try {
            int[] openedClosed = set.refresh();
            if (openedClosed[0] + openedClosed[1] > 0) {
                LOG.debug("Route '{}': watch set '{}' read again: {} session(s) opened, {} closed", getRouteId(),
                        set.name(), openedClosed[0], openedClosed[1]);
            }
            if (refreshFailing) {
                refreshFailing = false;
                LOG.info("Route '{}': watch set '{}' is read from its repository again", getRouteId(), set.name());
            }
        } catch (Exception e) {
            if (!refreshFailing) {
                refreshFailing = true;
                getExceptionHandler().handleException("Route '" + getRouteId() + "': could not read watch set '"
                                                      + set.name() + "' again from its repository; sessions other"
                                                      + " nodes add are opened once it can be read", e);
            }
        }
    }

    private ExecutorService newExecutor() {
        // route work runs on these threads too; their number, not the number of sessions, bounds the threads used
        int threads = Math.min(16, Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
        ThreadPoolProfile fixed = new ThreadPoolProfile("PredicateWatch");
        fixed.setPoolSize(threads);
        fixed.setMaxPoolSize(threads);
        // the HTTP client must never see a task refused: Camel would run it on the caller, at times the client's
        // selector thread (and Camel reads a queue size of 0 or less as no queue at all)
        fixed.setMaxQueueSize(Integer.MAX_VALUE);
        return getEndpoint().getCamelContext().getExecutorServiceManager()
                .newThreadPool(this, "PredicateWatch", fixed);
    }

    private HttpClient newClient(SSLContext sslContext) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                // redirects are followed by the stream itself, which refuses unsafe ones and keeps credentials home
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(WorkerThreads.marking(executor));
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        return builder.build();
    }

    private void registerHealthCheck(PredicateSseComponent component) {
        HealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(
                getEndpoint().getCamelContext(), "consumers", HealthCheckRepository.class);
        if (repository != null) {
            PredicateWatchHealthCheck check = new PredicateWatchHealthCheck("predicate-sse-watch-" + getRouteId(),
                    this, Duration.ofMillis(config().getUnhealthyAfter()), component.scheduler().clock());
            check.setEnabled(component.isHealthCheckConsumerEnabled());
            setHealthCheck(check);
        }
    }

    @Override
    protected void doStop() throws Exception {
        SseMetrics.unbind(meters);
        meters = null;
        if (isWrapped()) {
            getEndpoint().getComponent().wrappedConsumersInView().stopped(this, getHealthCheck());
        }
        if (refresher != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(refresher);
            refresher = null;
        }
        ScheduledExecutorService stillRetrying;
        synchronized (readRetryLock) {
            stillRetrying = readRetrier;
            readRetrier = null;
            unread = null;
        }
        if (stillRetrying != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(stillRetrying);
        }
        // a read in progress is not waited for: it opens nothing now, and its thread ends once the repository answers
        getEndpoint().watchSet().detach(this);
        for (SessionStream session : sessions.values()) {
            session.stop();
        }
        sessions.clear();
        try {
            if (!inFlight.closeAndAwaitNone(InFlightDeliveries.STOP_WAIT)) {
                LOG.debug("Route '{}': an event is still in the route while the watch consumer stops", getRouteId());
            }
        } catch (InterruptedException interrupted) {
            // Camel's shutdown timeout ran out: release everything all the same
            Thread.currentThread().interrupt();
        } finally {
            if (clients != null) {
                clients.close();
            }
            if (executor != null) {
                // what is queued may complete a cancelled body, without which the JDK keeps the client's selector
                // thread
                getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(executor);
                executor = null;
            }
        }
        super.doStop();
    }

    /** Opens the session's stream; called by the watch set, under its lock. */
    void open(WatchEntry entry) {
        if (sessions.containsKey(entry.sessionId())) {
            return;
        }
        WatchHttpClients.Lease lease = clients.acquire();
        try {
            SessionStream session = new SessionStream(this, entry, lease, run);
            PredicateSseConfiguration config = config();
            ReconnectPolicy policy = new ReconnectPolicy(settings.reconnectDelay(), settings.maxReconnectDelay(),
                    settings.maxReconnectAttempts(), ReconnectPolicy.JITTER);
            SseStream stream = new SseStream(
                    getEndpoint().streamRequest(entry.sessionId(), entry.verificationType()), settings,
                    config.isAllowPlainHttp(), "", lease.client(), getEndpoint().getComponent().scheduler(), session,
                    policy, "Route '" + getRouteId() + "', Predicate session "
                                                + entry.sessionId()).routineEventsAtDebug().countingInto(counters);
            sessions.put(entry.sessionId(), session);
            session.start(stream);
        } catch (RuntimeException refused) {
            sessions.remove(entry.sessionId());
            lease.release();
            throw refused;
        }
    }

    /** Closes the session's stream: it was removed from the set. */
    void close(String sessionId) {
        SessionStream session = sessions.remove(sessionId);
        if (session != null) {
            session.close();
        }
    }

    // what the dev console, metrics and JMX read (see ObservedConsumer): the watch as a whole, its sessions by state

    @Override
    public Clock clock() {
        return getEndpoint().getComponent().scheduler().clock();
    }

    @Override
    public String componentName() {
        return "predicate-sse";
    }

    @Override
    public StreamSnapshot streamSnapshot() {
        WatchSessionCounts counts = WatchSessionCounts.of(this);
        UnreadWatchSet notRead = unread;
        String lastError = notRead == null ? counts.lastError()
                : "the watch set could not be read from its repository yet: " + notRead.cause();
        return new StreamSnapshot(getRouteId(), componentName(), baseUrl(), counts.state(isStarted()), "",
                counters.reconnects(), lastError, null, counters.lastEventAt(), counters.eventsDelivered(),
                counters.bytesRead(), counters.permanentFailures(), counters.reconnectsByCause(), counts.byState());
    }

    private String baseUrl() {
        try {
            String base = config().getBaseUrl();
            return DisplayUri.of(URI.create(base == null || base.isEmpty()
                    ? PredicateSseConfiguration.DEFAULT_BASE_URL : base));
        } catch (RuntimeException unusable) {
            return null;
        }
    }

    @Override
    public StreamCounters streamCounters() {
        return counters;
    }

    @Override
    public boolean hasSessions() {
        return true;
    }

    /** Every open session drops its connection and connects again after its last event. */
    @Override
    public void reconnect() {
        for (SessionStream session : sessions.values()) {
            session.reconnect("reconnect requested");
        }
    }

    Collection<SessionStream> sessions() {
        return sessions.values();
    }

    long failedSessions() {
        return failed.get();
    }

    /** A session leaves the watch: if it had a connection, the watch had one until now. */
    void sessionClosing(StreamStatus status) {
        if (status != null && status.lastConnected() != null) {
            Instant end = status.downSince() == null ? clock().instant() : status.downSince();
            lastConnectionClosed.accumulateAndGet(end, (a, b) -> a == null || b.isAfter(a) ? b : a);
        }
    }

    /** @return when a session last closed while it had a connection since this start, or null */
    Instant lastConnectionClosed() {
        return lastConnectionClosed.get();
    }

    int waitingForPace() {
        ConnectPacer p = pacer;
        return p == null ? 0 : p.waiting();
    }

    double connectsPerSecond() {
        ConnectPacer p = pacer;
        return p == null ? 0 : p.currentRate();
    }

    int httpClients() {
        WatchHttpClients c = clients;
        return c == null ? 0 : c.size();
    }

    boolean deliver(SessionStream session, ServerSentEvent event, Runnable whenDoneAsync) {
        if (!inFlight.tryBegin()) {
            // read just before the consumer stopped: not delivered, so the session's last status stays as it was
            return true;
        }
        if (session.run() != run) {
            // the same, by a stream whose thread reached the gate only once the consumer had started again: the
            // session's new stream delivers the status
            inFlight.end();
            return true;
        }
        try {
            return route(session, event, whenDoneAsync);
        } catch (RuntimeException | Error unexpected) {
            inFlight.end();
            throw unexpected;
        }
    }

    private boolean route(SessionStream session, ServerSentEvent event, Runnable whenDoneAsync) {
        Exchange exchange = createExchange(false);
        WatchEntry entry = session.entry();
        PredicateStatusEvent status = null;
        boolean route;
        try {
            exchange.getMessage().setHeader(PredicateSseConstants.EVENT_TYPE, event.type());
            exchange.getMessage().setHeader(PredicateSseConstants.EVENT_ID, event.lastEventId());
            status = PredicateStatusDelivery.populate(event, exchange.getMessage(), entry.sessionId(),
                    entry.verificationType(), config(), entry.lastDelivered());
            route = status != null;
        } catch (Exception unreadable) {
            exchange.setException(unreadable);
            route = true;
        }
        session.inFlight(status);
        if (!route) {
            inFlight.skip(this, exchange);
            return true;
        }
        return inFlight.route(this, exchange, () -> onDone(session, exchange), whenDoneAsync);
    }

    private void onDone(SessionStream session, Exchange exchange) {
        switch (ExchangeOutcome.of(exchange)) {
            case COMPLETED -> delivered(session);
            case REJECTED -> session.inFlight(null);
            case FAILED -> {
                String sessionId = session.entry().sessionId();
                if (exchange.getException() != null) {
                    getExceptionHandler().handleException("Error processing an event of Predicate session "
                                                          + sessionId, exchange, exchange.getException());
                }
                if (config().isBreakOnFirstError()) {
                    session.inFlight(null);
                    session.reconnect("the route failed on an event of session " + sessionId
                                      + " and breakOnFirstError is set; reconnecting to receive it again");
                } else {
                    // the failure was reported and the route goes on: the status has reached it all the same
                    delivered(session);
                }
            }
        }
    }

    private void delivered(SessionStream session) {
        PredicateStatusEvent status = session.inFlight();
        session.inFlight(null);
        if (status == null) {
            return;
        }
        WatchEntry entry = session.entry();
        if (status.isTerminal()) {
            LOG.debug("Predicate session {} ended with status '{}': stream closed, session leaves the watch set",
                    entry.sessionId(), status.getStatus());
            sessions.remove(entry.sessionId(), session);
            session.close();
        }
        try {
            getEndpoint().watchSet().delivered(entry, status);
        } catch (Exception e) {
            getExceptionHandler().handleException("Watch set '" + getEndpoint().watchSet().name()
                                                  + "': could not record status '" + status.getStatus()
                                                  + "' of Predicate session " + entry.sessionId(), e);
        }
    }

    void sessionFailed(SessionStream session, Exception failure) {
        failed.incrementAndGet();
        WatchEntry entry = session.entry();
        sessions.remove(entry.sessionId(), session);
        session.close();
        try {
            getEndpoint().watchSet().drop(entry);
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
        report(entry, "failed for good: " + session.describe(failure)
                      + "; it was removed from watch set '" + getEndpoint().watchSet().name() + "'", failure);
    }

    void sessionEndedByServer(SessionStream session) {
        WatchEntry entry = session.entry();
        sessions.remove(entry.sessionId(), session);
        session.close();
        try {
            getEndpoint().watchSet().drop(entry);
        } catch (Exception e) {
            getExceptionHandler().handleException("Watch set '" + getEndpoint().watchSet().name()
                                                  + "': could not remove Predicate session " + entry.sessionId(), e);
        }
        LOG.warn("Route '{}': the server ended the stream of Predicate session {} (204 No Content); it was removed"
                 + " from watch set '{}'", getRouteId(), entry.sessionId(), getEndpoint().watchSet().name());
    }

    void sessionError(SessionStream session, Exception error) {
        report(session.entry(), error.getMessage(), error);
    }

    /** Reports with an exchange that names the session, so an error handler (bridgeErrorHandler) can tell which. */
    private void report(WatchEntry entry, String what, Exception failure) {
        Exchange exchange = createExchange(false);
        exchange.getMessage().setHeader(PredicateSseConstants.SESSION_ID, entry.sessionId());
        exchange.getMessage().setHeader(PredicateSseConstants.VERIFICATION_TYPE, entry.verificationType());
        try {
            getExceptionHandler().handleException("Route '" + getRouteId() + "': Predicate session "
                                                  + entry.sessionId() + " (" + entry.verificationType() + ") "
                                                  + what, exchange, failure);
        } finally {
            releaseExchange(exchange, false);
        }
    }
}
