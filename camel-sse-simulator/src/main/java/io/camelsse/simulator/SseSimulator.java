/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A sandbox server that behaves like the Predicate session status stream and the AidenID realtime
 * stream, with fault injection. Runs on Vert.x with several event loops.
 *
 * <pre>{@code
 * try (SseSimulator sim = SseSimulator.builder().keepAliveInterval(Duration.ofMillis(200)).build().start()) {
 *     PredicateSession session = sim.predicate().createSession();
 *     // point the client at sim.baseUrl() with SseSimulator.PREDICATE_API_KEY ...
 *     session.advance();                              // pending -> submitted
 *     sim.aidenId().publishExtractionCompleted("ident_a1b2c3d4e5");
 *     sim.faults().nextStream(Fault.dropAfterEvents(1));
 * }
 * }</pre>
 *
 * Thread-safe. {@link #reset()} brings it back to a fresh state without restarting it.
 */
public final class SseSimulator implements AutoCloseable {

    /** The Predicate API key the simulator accepts. Any other is answered 401. */
    public static final String PREDICATE_API_KEY = "sim_predicate_test_key";
    /** The AidenID API key the simulator accepts, with the realtime scope. */
    public static final String AIDENID_API_KEY = "aid_sim_test_key";
    /** An AidenID API key that is valid but lacks the realtime scope: answered 403 {@code forbidden}. */
    public static final String AIDENID_NO_SCOPE_API_KEY = "aid_sim_no_scope_key";
    /** The AidenID organization ({@code X-Org-Id}) the key belongs to. */
    public static final String AIDENID_ORG_ID = "org_sim";
    /** The AidenID project ({@code X-Project-Id}) the key belongs to. */
    public static final String AIDENID_PROJECT_ID = "proj_sim";

    /** Prefix of the Predicate stream paths: {@code /api/v1/status/realtime/{type}/{sessionId}}. */
    public static final String PREDICATE_STREAM_PATH_PREFIX = "/api/v1/status/realtime/";
    /** The AidenID stream path. */
    public static final String AIDENID_STREAM_PATH = "/v1/realtime/stream";
    /** Prefix of the admin HTTP API. */
    public static final String ADMIN_PATH = "/_simulator";

    /** Default HTTP/2 {@code SETTINGS_MAX_CONCURRENT_STREAMS}, the one Vert.x uses. */
    public static final int DEFAULT_MAX_CONCURRENT_STREAMS_PER_CONNECTION = 100;

    /** Default of {@link Builder#maxQueuedBytesPerStream(int)}: 8 MiB. */
    public static final int DEFAULT_MAX_QUEUED_BYTES_PER_STREAM = 8 * 1024 * 1024;

    /** Default interval of the {@code : keep-alive} comments. */
    public static final Duration DEFAULT_KEEP_ALIVE_INTERVAL = Duration.ofSeconds(15);

    /** How long {@link #startListening()} keeps trying when the port is taken for a moment. */
    private static final Duration REBIND_PATIENCE = Duration.ofSeconds(10);
    private static final Duration REBIND_PAUSE = Duration.ofMillis(50);

    final Stats stats = new Stats();
    private final Builder config;
    private final Vertx vertx;
    private final PredicateSessions predicate;
    private final AidenIdEvents aidenId;
    private final Faults faults = new Faults();
    private final RequestHandler handler;
    private final ArrayDeque<RecordedRequest> recorded = new ArrayDeque<>();
    private int recordedNumber;
    private long connectionNumber;
    private final List<Hub> hubList = new CopyOnWriteArrayList<>();
    private final List<ServerVerticle> servers = new CopyOnWriteArrayList<>();
    private final List<Runnable> resetHooks = new CopyOnWriteArrayList<>();
    private volatile List<Hub> hubs = List.of();
    private volatile int port = -1;
    private volatile boolean started;
    private volatile boolean listening;
    private volatile boolean closed;
    private volatile Duration keepAliveInterval;
    private final SelfSignedCertificate certificate;
    private Path certificatePemFile;

    private SseSimulator(Builder config) {
        this.config = config.copy();
        this.certificate = config.tls ? SelfSignedCertificate.create(config.host) : null;
        this.vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(config.eventLoops)
                .setPreferNativeTransport(false)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
        this.predicate = new PredicateSessions(this, config.generation);
        this.aidenId = new AidenIdEvents(this, config.aidenIdLogCapacity);
        this.aidenId.reset(config);
        this.keepAliveInterval = config.keepAliveInterval;
        this.handler = new RequestHandler(this, config.adminApi);
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- lifecycle --------------------------------------------------------------------------

    /**
     * Binds the port and starts serving; returns when it is ready. Calling it again does nothing.
     *
     * @throws IllegalStateException when the port cannot be bound or the simulator was closed
     */
    public synchronized SseSimulator start() {
        if (closed) {
            throw new IllegalStateException("the simulator is closed");
        }
        if (started) {
            return this;
        }
        // a negative port: every instance shares one random port
        int listenPort = config.port == 0 ? -1 : config.port;
        AtomicInteger actual = new AtomicInteger(-1);
        Future<String> deployed = vertx.deployVerticle(() -> new ServerVerticle(this, config.host, listenPort, actual),
                new DeploymentOptions().setInstances(config.eventLoops));
        try {
            await(deployed, "start the simulator on " + config.host + ":" + config.port);
        } catch (RuntimeException failedToStart) {
            // nobody holds this simulator yet, so nobody else could release its threads
            close();
            throw failedToStart;
        }
        hubs = List.copyOf(hubList);
        port = actual.get();
        started = true;
        listening = true;
        return this;
    }

    /**
     * A server restart that keeps the state: stops listening (every open connection is closed, new ones are
     * refused), waits {@code downtime}, and listens on the same port again. Sessions, scripts, the AidenID event
     * log and its IDs, faults and counters stay, so clients that reconnect with {@code Last-Event-ID} get what
     * they missed. Returns once the port is bound again.
     */
    public SseSimulator restart(Duration downtime) {
        if (Objects.requireNonNull(downtime, "downtime").isNegative()) {
            throw new IllegalArgumentException("downtime must not be negative: " + downtime);
        }
        stopListening();
        try {
            TimeUnit.NANOSECONDS.sleep(downtime.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the downtime of a restart", e);
        } finally {
            if (!closed) {
                startListening();
            }
        }
        return this;
    }

    /**
     * The first half of {@link #restart(Duration)}: closes every open connection and the listening socket, so
     * connections are refused until {@link #startListening()}; the state stays. Does nothing when not listening.
     */
    public synchronized SseSimulator stopListening() {
        requireStarted();
        if (!listening) {
            return this;
        }
        listening = false;
        List<Future<Void>> done = new ArrayList<>();
        for (ServerVerticle server : servers) {
            done.add(server.stopListening());
        }
        await(Future.all(done), "stop listening");
        return this;
    }

    /** Binds the same port again after {@link #stopListening()}; returns once it is bound. Does nothing when listening. */
    public synchronized SseSimulator startListening() {
        requireStarted();
        if (listening) {
            return this;
        }
        long deadline = System.nanoTime() + REBIND_PATIENCE.toNanos();
        while (true) {
            List<Future<Integer>> done = new ArrayList<>();
            for (ServerVerticle server : servers) {
                done.add(server.startListening(port));
            }
            try {
                await(Future.all(done), "listen again on " + config.host + ":" + port);
                listening = true;
                return this;
            } catch (IllegalStateException refused) {
                // while the port was free, the kernel may have lent it to an outgoing connection for a moment
                boolean portTaken = refused.getCause() instanceof BindException
                                    || String.valueOf(refused.getMessage()).contains("Address already in use");
                if (!portTaken || System.nanoTime() > deadline) {
                    throw refused;
                }
                List<Future<Void>> undone = new ArrayList<>();
                for (ServerVerticle server : servers) {
                    undone.add(server.stopListening());
                }
                await(Future.all(undone), "let go of a partly bound port");
                LockSupport.parkNanos(REBIND_PAUSE.toNanos());
            }
        }
    }

    /** Whether the port is bound: true from {@link #start()} to {@link #close()}, except between a stop and a start of listening. */
    public boolean isListening() {
        return listening && !closed;
    }

    /** Stops serving and releases every thread and socket. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        started = false;
        listening = false;
        hubs = List.of();
        predicate.reset(config.generation);
        try {
            await(vertx.close(), "close the simulator");
        } finally {
            deleteCertificatePemFile();
        }
    }

    public boolean isRunning() {
        return started && !closed;
    }

    /**
     * Back to a fresh state, without restarting: every open stream is dropped, the Predicate sessions
     * and the AidenID event log are gone (IDs start again at {@code evt_000001}), queued and permanent
     * faults are cleared, the counters and the recorded requests are emptied, and the keep-alive
     * interval, default generation, retry, stream limit and its Retry-After go back to the builder's
     * values. Returns once the streams are closed (when called outside the simulator's event loops).
     */
    public void reset() {
        faults.clear();
        predicate.reset(config.generation);
        aidenId.reset(config);
        List<Future<Void>> done = new ArrayList<>();
        for (Hub hub : hubs) {
            Promise<Void> p = Promise.promise();
            hub.ctx.runOnContext(v -> {
                hub.closeAll();
                p.complete();
            });
            done.add(p.future());
        }
        if (!Context.isOnEventLoopThread()) {
            await(Future.all(done), "reset the simulator");
        }
        synchronized (recorded) {
            recorded.clear();
            recordedNumber = 0;
            connectionNumber = 0;
        }
        stats.reset();
        keepAliveInterval(config.keepAliveInterval);
        resetHooks.forEach(Runnable::run);
    }

    // ---- where ------------------------------------------------------------------------------

    /** The bound port (the real one when the builder asked for 0). */
    public int port() {
        requireStarted();
        return port;
    }

    public String host() {
        return config.host;
    }

    /**
     * {@code http://127.0.0.1:<port>} ({@code https://} with {@link Builder#tls(boolean)}): the base URL of both
     * vendor APIs and of the admin API.
     */
    public String baseUrl() {
        requireStarted();
        String h = config.host.contains(":") ? "[" + config.host + "]" : config.host;
        return (certificate != null ? "https://" : "http://") + h + ":" + port;
    }

    // ---- TLS --------------------------------------------------------------------------------

    /** Whether it serves over TLS ({@link Builder#tls(boolean)}). */
    public boolean isTls() {
        return certificate != null;
    }

    /**
     * The server's self-signed certificate, made when the simulator was built (it stays across restarts). It
     * names {@code localhost}, {@code 127.0.0.1}, {@code ::1} and the bind host.
     *
     * @throws IllegalStateException without TLS
     */
    public X509Certificate certificate() {
        return requireTls().certificate();
    }

    /** The certificate as PEM text, e.g. for {@code curl --cacert}. */
    public String certificatePem() {
        return requireTls().certificatePem();
    }

    /**
     * A file with {@link #certificatePem()}, written on the first call and deleted by {@link #close()}: for
     * clients configured with a path ({@code curl --cacert}, a Camel {@code sslContextParameters} resource).
     */
    public synchronized Path certificatePemPath() {
        SelfSignedCertificate c = requireTls();
        if (certificatePemFile == null) {
            try {
                Path file = Files.createTempFile("camel-sse-simulator-", ".pem");
                file.toFile().deleteOnExit();
                Files.writeString(file, c.certificatePem(), StandardCharsets.US_ASCII);
                certificatePemFile = file;
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the simulator's certificate", e);
            }
        }
        return certificatePemFile;
    }

    /** A PKCS#12 trust store (no password needed to read it) holding only the server's certificate. */
    public KeyStore trustStore() {
        SelfSignedCertificate c = requireTls();
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry(SelfSignedCertificate.KEY_ALIAS, c.certificate());
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not make a trust store: " + e.getMessage(), e);
        }
    }

    /**
     * A client {@link SSLContext} that trusts the simulator's certificate and nothing else, e.g. for
     * {@code java.net.http.HttpClient.newBuilder().sslContext(sim.sslContext())}.
     */
    public SSLContext sslContext() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not make an SSL context: " + e.getMessage(), e);
        }
    }

    private SelfSignedCertificate requireTls() {
        if (certificate == null) {
            throw new IllegalStateException("the simulator serves plain HTTP; build it with tls(true)");
        }
        return certificate;
    }

    private synchronized void deleteCertificatePemFile() {
        if (certificatePemFile != null) {
            try {
                Files.deleteIfExists(certificatePemFile);
            } catch (IOException e) {
                // a temporary file; deleteOnExit gets it otherwise
            }
            certificatePemFile = null;
        }
    }

    /** The URL of the Predicate stream of a session: {@code <baseUrl>/api/v1/status/realtime/<type>/<id>}. */
    public String predicateStreamUrl(VerificationType type, String sessionId) {
        return baseUrl() + PREDICATE_STREAM_PATH_PREFIX + type.pathSegment() + "/" + sessionId;
    }

    /** The URL of the AidenID stream: {@code <baseUrl>/v1/realtime/stream}. */
    public String aidenIdStreamUrl() {
        return baseUrl() + AIDENID_STREAM_PATH;
    }

    // ---- the parts --------------------------------------------------------------------------

    /** Predicate sessions: create, find, steer. */
    public PredicateSessions predicate() {
        return predicate;
    }

    /** The AidenID event log: publish, read, stream limit. */
    public AidenIdEvents aidenId() {
        return aidenId;
    }

    /** Fault injection. */
    public Faults faults() {
        return faults;
    }

    /** Live counters of connections, streams and events. */
    public Stats stats() {
        return stats;
    }

    /** Requests received since the last reset, oldest first (the admin API is not recorded). */
    public List<RecordedRequest> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /** Requests to this vendor's stream endpoint since the last reset, oldest first. */
    public List<RecordedRequest> requests(Vendor vendor) {
        return requests().stream().filter(r -> r.vendor() == vendor).collect(Collectors.toUnmodifiableList());
    }

    /** The last recorded request, or null. */
    public RecordedRequest lastRequest() {
        synchronized (recorded) {
            return recorded.peekLast();
        }
    }

    /** Sets the interval of the {@code : keep-alive} comments from now on; zero turns them off. */
    public SseSimulator keepAliveInterval(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative: " + interval);
        }
        this.keepAliveInterval = interval;
        long ms = interval.toMillis();
        for (Hub hub : hubs) {
            hub.ctx.runOnContext(v -> hub.keepAlive(ms));
        }
        return this;
    }

    public Duration keepAliveInterval() {
        return keepAliveInterval;
    }

    @Override
    public String toString() {
        return "SseSimulator[" + (started ? baseUrl() : "not started") + ", " + stats + "]";
    }

    // ---- internals --------------------------------------------------------------------------

    RequestHandler handler() {
        return handler;
    }

    /** Server certificate and protocol settings for the {@link ServerVerticle}s. */
    SelfSignedCertificate serverCertificate() {
        return certificate;
    }

    boolean http2() {
        return config.http2;
    }

    int maxConcurrentStreamsPerConnection() {
        return config.maxConcurrentStreamsPerConnection;
    }

    int maxQueuedBytesPerStream() {
        return config.maxQueuedBytesPerStream;
    }

    long writeCoalescingMillis() {
        return config.writeCoalescing.toMillis();
    }

    void addResetHook(Runnable hook) {
        resetHooks.add(hook);
    }

    void removeResetHook(Runnable hook) {
        resetHooks.remove(hook);
    }

    Vertx vertx() {
        return vertx;
    }

    List<Hub> hubs() {
        return hubs;
    }

    void hubStarted(Hub hub, ServerVerticle server) {
        hubList.add(hub);
        servers.add(server);
        hub.keepAlive(keepAliveInterval.toMillis());
    }

    long nextConnectionNumber() {
        synchronized (recorded) {
            return ++connectionNumber;
        }
    }

    void record(RecordedRequestDraft draft, int status, List<Fault> faultsApplied) {
        synchronized (recorded) {
            recorded.addLast(draft.finish(++recordedNumber, status, faultsApplied));
            while (recorded.size() > config.maxRecordedRequests) {
                recorded.removeFirst();
            }
        }
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException(closed ? "the simulator is closed" : "the simulator is not started");
        }
    }

    private static <T> T await(Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out while trying to " + what, e);
        }
    }

    /** Settings of a simulator; every one has a default. */
    public static final class Builder {
        String host = "127.0.0.1";
        int port;
        Duration keepAliveInterval = DEFAULT_KEEP_ALIVE_INTERVAL;
        Generation generation = Generation.CURRENT;
        Duration aidenIdRetry = Duration.ofMillis(3000);
        int aidenIdStreamLimit = Integer.MAX_VALUE;
        Duration aidenIdStreamLimitRetryAfter = Duration.ofSeconds(1);
        int aidenIdLogCapacity = 100_000;
        int maxRecordedRequests = 10_000;
        int eventLoops = VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;
        boolean adminApi = true;
        Duration writeCoalescing = Duration.ZERO;
        boolean tls;
        boolean http2 = true;
        int maxConcurrentStreamsPerConnection = DEFAULT_MAX_CONCURRENT_STREAMS_PER_CONNECTION;
        int maxQueuedBytesPerStream = DEFAULT_MAX_QUEUED_BYTES_PER_STREAM;

        Builder() {
        }

        /** The address to bind (default {@code 127.0.0.1}). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port to bind; 0 (the default) takes a free one, see {@link SseSimulator#port()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Interval of the {@code : keep-alive} comments (default 15 s); zero turns them off. */
        public Builder keepAliveInterval(Duration interval) {
            if (Objects.requireNonNull(interval, "interval").isNegative()) {
                throw new IllegalArgumentException("interval must not be negative: " + interval);
            }
            this.keepAliveInterval = interval;
            return this;
        }

        /** The Predicate generation of sessions created without one (default {@link Generation#CURRENT}). */
        public Builder predicateGeneration(Generation generation) {
            this.generation = Objects.requireNonNull(generation, "generation");
            return this;
        }

        /** The {@code retry:} field of AidenID events (default 3000 ms); null leaves it out. */
        public Builder aidenIdRetry(Duration retry) {
            this.aidenIdRetry = retry;
            return this;
        }

        /** Concurrent AidenID streams allowed before 429 {@code stream_limit_reached} (default: no limit). */
        public Builder aidenIdStreamLimit(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("limit must not be negative: " + limit);
            }
            this.aidenIdStreamLimit = limit;
            return this;
        }

        /** {@code Retry-After} of the 429 answer, in whole seconds (default 1 s). */
        public Builder aidenIdStreamLimitRetryAfter(Duration retryAfter) {
            this.aidenIdStreamLimitRetryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
            return this;
        }

        /** How many AidenID events the log keeps for replay (default 100,000). */
        public Builder aidenIdLogCapacity(int events) {
            if (events < 1) {
                throw new IllegalArgumentException("capacity must be positive: " + events);
            }
            this.aidenIdLogCapacity = events;
            return this;
        }

        /** How many requests are kept for {@link SseSimulator#requests()} (default 10,000; the oldest go first). */
        public Builder maxRecordedRequests(int requests) {
            if (requests < 0) {
                throw new IllegalArgumentException("must not be negative: " + requests);
            }
            this.maxRecordedRequests = requests;
            return this;
        }

        /** Event loop threads serving the streams (default: twice the number of processors). */
        public Builder eventLoops(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("need at least one event loop: " + threads);
            }
            this.eventLoops = threads;
            return this;
        }

        /** Serve the admin HTTP API under {@code /_simulator} (default true). */
        public Builder adminApi(boolean on) {
            this.adminApi = on;
            return this;
        }

        /**
         * AidenID fan-out: when events are published faster than this window, each event loop waits up to the
         * window and writes the events gathered meanwhile to each stream in one write (default 0: every
         * event is written at once; events that queue up while a loop is busy are still written together).
         * A window of a millisecond or two multiplies the events per second a busy simulator can push,
         * at the cost of that much latency. Whole milliseconds.
         */
        public Builder writeCoalescing(Duration window) {
            if (Objects.requireNonNull(window, "window").isNegative()) {
                throw new IllegalArgumentException("window must not be negative: " + window);
            }
            this.writeCoalescing = window;
            return this;
        }

        /**
         * Serve over TLS (default false) with a self-signed certificate made when the simulator is built; the
         * base URL becomes {@code https://}. Clients trust it through {@link SseSimulator#sslContext()},
         * {@link SseSimulator#trustStore()} or {@link SseSimulator#certificatePemPath()}.
         */
        public Builder tls(boolean on) {
            this.tls = on;
            return this;
        }

        /**
         * Speak HTTP/2 to clients that ask for it (default true): over TLS through ALPN ({@code h2}, falling back
         * to {@code http/1.1}), in clear text through the {@code h2c} upgrade or prior knowledge. False: HTTP/1.1
         * only.
         */
        public Builder http2(boolean on) {
            this.http2 = on;
            return this;
        }

        /**
         * HTTP/2 {@code SETTINGS_MAX_CONCURRENT_STREAMS}: how many streams a client may open at once on one
         * connection (default 100, as Vert.x). A client that needs more opens more connections, or fails.
         */
        public Builder maxConcurrentStreamsPerConnection(int streams) {
            if (streams < 1) {
                throw new IllegalArgumentException("need at least one stream per connection: " + streams);
            }
            this.maxConcurrentStreamsPerConnection = streams;
            return this;
        }

        /**
         * How many bytes written to one stream may wait for its client (default 8 MiB), so that a client that stops
         * reading, or reads slower than events come, costs the simulator a bounded amount of memory. When more than
         * this is still waiting, the next write to the stream drops it instead, as servers do with slow consumers:
         * what was queued for it is thrown away and the client sees a dropped connection (on HTTP/2, a
         * {@code RST_STREAM INTERNAL_ERROR} of that stream only). A client that reconnects resumes: AidenID replays
         * the log after its {@code Last-Event-ID}, Predicate starts with the current state. Counted in
         * {@link Stats#slowStreamsDropped()}.
         *
         * <p>Counted are the bytes the simulator holds for the stream (on HTTP/2 also those waiting for the client's
         * flow-control window); the operating system's socket buffers hold more on top. One write may take the
         * stream past the limit, so an event larger than it still reaches a client that keeps up. Not counted: the
         * replay a stream starts with (bounded by the event log) and what a {@link Fault#stall(Duration) stall}
         * held back, both written in one go; and bytes that {@link Fault#slowWrites(Duration) slow writes} or
         * {@link Fault#oneByteChunks() one-byte chunks} keep back on purpose.
         */
        public Builder maxQueuedBytesPerStream(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("must be positive: " + bytes);
            }
            this.maxQueuedBytesPerStream = bytes;
            return this;
        }

        /** A simulator with these settings, not started yet. */
        public SseSimulator build() {
            return new SseSimulator(this);
        }

        Builder copy() {
            Builder b = new Builder();
            b.host = host;
            b.port = port;
            b.keepAliveInterval = keepAliveInterval;
            b.generation = generation;
            b.aidenIdRetry = aidenIdRetry;
            b.aidenIdStreamLimit = aidenIdStreamLimit;
            b.aidenIdStreamLimitRetryAfter = aidenIdStreamLimitRetryAfter;
            b.aidenIdLogCapacity = aidenIdLogCapacity;
            b.maxRecordedRequests = maxRecordedRequests;
            b.eventLoops = eventLoops;
            b.adminApi = adminApi;
            b.writeCoalescing = writeCoalescing;
            b.tls = tls;
            b.http2 = http2;
            b.maxConcurrentStreamsPerConnection = maxConcurrentStreamsPerConnection;
            b.maxQueuedBytesPerStream = maxQueuedBytesPerStream;
            return b;
        }
    }
}
