/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import io.vertx.core.buffer.Buffer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A Predicate verification session in the simulator. Thread-safe; get one from
 * {@link PredicateSessions#createSession()} or {@link PredicateSessions#newSession()}.
 *
 * <p>Every change ({@link #status(String)}, {@link #userId(String)}, {@link #update(Consumer)}, a
 * scripted {@link Step}, ...) pushes one event with the whole new state to every open stream of the
 * session. A stream that connects gets the current state first. After a terminal status
 * ({@code completed}, {@code rejected}, {@code failed}) is written, the server ends the stream.
 *
 * <p><b>Completion defaults</b> (on unless {@link Builder#completionDefaults(boolean)} turns them off): a
 * change to {@code completed} that does not itself set them fills in a {@code userId} if the session has
 * none, a {@code completedAt} of now if it has none, and moves the unverified wallets to the verified
 * ones, as the vendor does.
 */
public final class PredicateSession {

    private final SseSimulator sim;
    private final String id;
    private final VerificationType type;
    private final Generation generation;
    private final List<Step> script;
    private final ScriptStart scriptStart;
    private final boolean completionDefaults;
    private final boolean restartWhenTerminal;
    private final Initial initial;

    private final Object lock = new Object();
    private String status;
    private String userId;
    private String completedAt;
    private List<SimulatedWallet> verifiedWallets;
    private List<SimulatedWallet> unverifiedWallets;
    private long version;
    private String json;
    private Buffer encoded;
    private final List<SimulatedStream> streams = new ArrayList<>();
    private int nextStep;
    private long timerId = -1;
    private boolean scriptStarted;
    private boolean removed;

    private PredicateSession(SseSimulator sim, Builder b) {
        this.sim = sim;
        this.id = b.id != null ? b.id : UUID.randomUUID().toString();
        this.type = b.type;
        this.generation = b.generation != null ? b.generation : sim.predicate().defaultGeneration();
        if (b.happyPathDelay != null) {
            List<Step> steps = new ArrayList<>();
            List<SessionStatus> path = generation.happyPath();
            for (SessionStatus s : path.subList(1, path.size())) {
                steps.add(Step.after(b.happyPathDelay, s));
            }
            this.script = List.copyOf(steps);
        } else {
            this.script = List.copyOf(b.script);
        }
        this.scriptStart = b.scriptStart;
        this.completionDefaults = b.completionDefaults;
        this.restartWhenTerminal = b.restartWhenTerminal;
        this.initial = new Initial(b.status, b.userId, b.completedAt, b.verifiedWallets, b.unverifiedWallets);
        synchronized (lock) {
            loadInitialLocked();
        }
    }

    // ---- reading ----------------------------------------------------------------------------

    public String id() {
        return id;
    }

    public VerificationType type() {
        return type;
    }

    public Generation generation() {
        return generation;
    }

    /** The path of its stream: {@code /api/v1/status/realtime/{type}/{id}}. */
    public String path() {
        return SseSimulator.PREDICATE_STREAM_PATH_PREFIX + type.pathSegment() + "/" + id;
    }

    /** The full URL of its stream on the running simulator. */
    public String url() {
        return sim.baseUrl() + path();
    }

    public String status() {
        synchronized (lock) {
            return status;
        }
    }

    /** The user ID, or null when the session has none. */
    public String userId() {
        synchronized (lock) {
            return userId;
        }
    }

    /** The completion time as written (ISO-8601), or null. */
    public String completedAt() {
        synchronized (lock) {
            return completedAt;
        }
    }

    public List<SimulatedWallet> verifiedWallets() {
        synchronized (lock) {
            return verifiedWallets;
        }
    }

    public List<SimulatedWallet> unverifiedWallets() {
        synchronized (lock) {
            return unverifiedWallets;
        }
    }

    /** True when the status is {@code completed}, {@code rejected} or {@code failed}. */
    public boolean isTerminal() {
        return SessionStatus.isTerminal(status());
    }

    /** The JSON a stream connecting now would get first. */
    public String snapshotJson() {
        synchronized (lock) {
            return json;
        }
    }

    /** Streams of this session open now. */
    public int openStreams() {
        synchronized (lock) {
            return streams.size();
        }
    }

    /** The scripted steps not applied yet. */
    public List<Step> remainingSteps() {
        synchronized (lock) {
            return List.copyOf(script.subList(nextStep, script.size()));
        }
    }

    // ---- steering ---------------------------------------------------------------------------

    /** Sets a status of this session's generation and pushes the new state. */
    public PredicateSession status(SessionStatus status) {
        return update(u -> u.status(status));
    }

    /** Sets any status (also one no generation knows) and pushes the new state. */
    public PredicateSession status(String status) {
        return update(u -> u.status(status));
    }

    /** Sets or (with null) removes {@code userId} and pushes the new state. */
    public PredicateSession userId(String userId) {
        return update(u -> u.userId(userId));
    }

    /** Sets or (with null) removes {@code completedAt} and pushes the new state. */
    public PredicateSession completedAt(Instant completedAt) {
        return update(u -> u.completedAt(completedAt));
    }

    /** Replaces {@code verifiedWallets} and pushes the new state. */
    public PredicateSession verifiedWallets(SimulatedWallet... wallets) {
        return update(u -> u.verifiedWallets(wallets));
    }

    /** Replaces {@code unverifiedWallets} and pushes the new state. */
    public PredicateSession unverifiedWallets(SimulatedWallet... wallets) {
        return update(u -> u.unverifiedWallets(wallets));
    }

    /** Changes several fields at once and pushes one event. */
    public PredicateSession update(Consumer<Update> changes) {
        Update u = new Update(generation);
        changes.accept(u);
        synchronized (lock) {
            applyLocked(u);
        }
        return this;
    }

    /** Status {@code completed} (with the completion defaults, see the class description). */
    public PredicateSession complete() {
        return status("completed");
    }

    /** Status {@code rejected} (current generation) or {@code failed} (earlier generation). */
    public PredicateSession reject() {
        return status(generation == Generation.EARLIER ? "failed" : "rejected");
    }

    /**
     * Moves on one step now: the next scripted step if any is left (the steps after it keep their
     * delays, counted from now, if the script runs by itself), otherwise the next status of the
     * generation's happy path ({@code pending -> submitted -> completed}, or
     * {@code pending -> in_progress -> completed}; {@code retry} moves on like {@code pending}).
     *
     * @throws IllegalStateException when there is no next status (e.g. the session is terminal)
     */
    public PredicateSession advance() {
        synchronized (lock) {
            if (nextStep < script.size()) {
                cancelTimerLocked();
                Step step = script.get(nextStep++);
                Update u = new Update(generation);
                step.applyTo(u);
                applyLocked(u);
                if (scriptStarted) {
                    scheduleNextLocked();
                }
                return this;
            }
            List<SessionStatus> path = generation.happyPath();
            int idx = -1;
            for (int i = 0; i < path.size(); i++) {
                if (path.get(i).wireName().equals(status)) {
                    idx = i;
                }
            }
            if ("retry".equals(status)) {
                idx = 0;
            }
            if (idx < 0 || idx == path.size() - 1) {
                throw new IllegalStateException("no next status after '" + status + "' in session " + id);
            }
            Update u = new Update(generation);
            u.status(path.get(idx + 1).wireName());
            applyLocked(u);
            return this;
        }
    }

    /** Starts the scripted timeline now (if it has not started yet). */
    public PredicateSession startScript() {
        synchronized (lock) {
            startScriptLocked();
        }
        return this;
    }

    /**
     * Back to the state the session was created with, script rewound (it starts again as its
     * {@link ScriptStart} says, at once if streams are open); open streams get the initial state.
     */
    public PredicateSession restart() {
        synchronized (lock) {
            restartLocked();
            if (scriptStart == ScriptStart.ON_CREATE || (scriptStart == ScriptStart.ON_FIRST_CONNECTION && !streams.isEmpty())) {
                startScriptLocked();
            }
        }
        return this;
    }

    @Override
    public String toString() {
        return "PredicateSession[" + type.pathSegment() + "/" + id + ", " + status() + "]";
    }

    // ---- internals --------------------------------------------------------------------------

    private void loadInitialLocked() {
        status = initial.status();
        userId = initial.userId();
        completedAt = initial.completedAt();
        verifiedWallets = initial.verifiedWallets();
        unverifiedWallets = initial.unverifiedWallets();
        nextStep = 0;
        scriptStarted = false;
        encodeLocked();
    }

    private void restartLocked() {
        cancelTimerLocked();
        loadInitialLocked();
        pushLocked();
    }

    private void applyLocked(Update u) {
        if (u.status != null) {
            status = u.status;
        }
        if (u.userIdSet) {
            userId = u.userId;
        }
        if (u.completedAtSet) {
            completedAt = u.completedAt;
        }
        if (u.verified != null) {
            verifiedWallets = u.verified;
        }
        if (u.unverified != null) {
            unverifiedWallets = u.unverified;
        }
        if (completionDefaults && "completed".equals(u.status)) {
            if (!u.userIdSet && userId == null) {
                userId = "user-" + UUID.randomUUID();
            }
            if (!u.completedAtSet && completedAt == null) {
                completedAt = Json.now();
            }
            if (u.verified == null && u.unverified == null && !unverifiedWallets.isEmpty()) {
                List<SimulatedWallet> all = new ArrayList<>(verifiedWallets);
                all.addAll(unverifiedWallets);
                verifiedWallets = List.copyOf(all);
                unverifiedWallets = List.of();
            }
        }
        encodeLocked();
        pushLocked();
    }

    private void encodeLocked() {
        version++;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessionId", id);
        m.put("status", status);
        if (userId != null) {
            m.put("userId", userId);
        }
        if (completedAt != null) {
            m.put("completedAt", completedAt);
        }
        m.put("verifiedWallets", verifiedWallets);
        m.put("unverifiedWallets", unverifiedWallets);
        json = Json.write(m);
        encoded = SseFormat.dataOnly(json);
    }

    private void pushLocked() {
        long v = version;
        Buffer b = encoded;
        boolean terminal = SessionStatus.isTerminal(status);
        for (SimulatedStream s : streams) {
            s.hub.offerSnapshot(s, v, b, terminal);
        }
    }

    private void startScriptLocked() {
        if (scriptStarted || removed) {
            return;
        }
        scriptStarted = true;
        scheduleNextLocked();
    }

    private void scheduleNextLocked() {
        cancelTimerLocked();
        if (nextStep >= script.size() || removed) {
            return;
        }
        long delay = Math.max(1, script.get(nextStep).delay().toMillis());
        timerId = sim.vertx().setTimer(delay, this::onTimer);
    }

    private void onTimer(long id) {
        synchronized (lock) {
            if (id != timerId || nextStep >= script.size()) {
                return;
            }
            timerId = -1;
            Step step = script.get(nextStep++);
            Update u = new Update(generation);
            step.applyTo(u);
            applyLocked(u);
            scheduleNextLocked();
        }
    }

    private void cancelTimerLocked() {
        if (timerId != -1) {
            sim.vertx().cancelTimer(timerId);
            timerId = -1;
        }
    }

    /** A new stream of this session; on its event loop. */
    void attach(SimulatedStream stream) {
        long v;
        Buffer b;
        boolean terminal;
        synchronized (lock) {
            if (stream.isClosed()) {
                return;
            }
            boolean restarted = restartWhenTerminal && SessionStatus.isTerminal(status);
            if (restarted) {
                restartLocked();
            }
            streams.add(stream);
            stream.session = this;
            // after a restart, a script that starts on creation starts again too: the whole timeline, once more
            if (scriptStart == ScriptStart.ON_FIRST_CONNECTION || restarted && scriptStart == ScriptStart.ON_CREATE) {
                startScriptLocked();
            }
            v = version;
            b = encoded;
            terminal = SessionStatus.isTerminal(status);
        }
        stream.offerSnapshot(v, b, terminal);
    }

    void detach(SimulatedStream stream) {
        synchronized (lock) {
            streams.remove(stream);
        }
    }

    /** Stops its timer and drops its streams (the session was removed). */
    void dispose() {
        List<SimulatedStream> open;
        synchronized (lock) {
            removed = true;
            cancelTimerLocked();
            open = new ArrayList<>(streams);
        }
        for (SimulatedStream s : open) {
            s.hub.ctx.runOnContext(x -> s.drop());
        }
    }

    void startIfOnCreate() {
        if (scriptStart == ScriptStart.ON_CREATE) {
            startScript();
        }
    }

    private record Initial(String status, String userId, String completedAt, List<SimulatedWallet> verifiedWallets,
            List<SimulatedWallet> unverifiedWallets) {
    }

    static String formatInstant(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The changes of one {@link #update(Consumer)}; fields left alone keep their value. */
    public static final class Update {
        private final Generation generation;
        private String status;
        private String userId;
        private boolean userIdSet;
        private String completedAt;
        private boolean completedAtSet;
        private List<SimulatedWallet> verified;
        private List<SimulatedWallet> unverified;

        Update(Generation generation) {
            this.generation = generation;
        }

        /**
         * A status of the session's generation.
         *
         * @throws IllegalArgumentException when the generation does not have it (use {@link #status(String)})
         */
        public Update status(SessionStatus status) {
            if (!generation.supports(status)) {
                throw new IllegalArgumentException("the " + generation + " generation has no status '" + status
                        + "'; use status(String) to send it anyway");
            }
            this.status = status.wireName();
            return this;
        }

        /** Any status string. */
        public Update status(String status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        /** The user ID; null removes it. */
        public Update userId(String userId) {
            this.userId = userId;
            this.userIdSet = true;
            return this;
        }

        /** The completion time (written to the second); null removes it. */
        public Update completedAt(Instant completedAt) {
            return completedAt(formatInstant(completedAt));
        }

        /** The completion time exactly as it should be written; null removes it. */
        public Update completedAt(String completedAt) {
            this.completedAt = completedAt;
            this.completedAtSet = true;
            return this;
        }

        public Update verifiedWallets(SimulatedWallet... wallets) {
            return verifiedWallets(Arrays.asList(wallets));
        }

        public Update verifiedWallets(List<SimulatedWallet> wallets) {
            this.verified = List.copyOf(wallets);
            return this;
        }

        public Update unverifiedWallets(SimulatedWallet... wallets) {
            return unverifiedWallets(Arrays.asList(wallets));
        }

        public Update unverifiedWallets(List<SimulatedWallet> wallets) {
            this.unverified = List.copyOf(wallets);
            return this;
        }
    }

    /** Describes a session to create; from {@link PredicateSessions#newSession()}. */
    public static final class Builder {
        private final SseSimulator sim;
        private String id;
        private VerificationType type = VerificationType.INDIVIDUAL;
        private Generation generation;
        private String status = "pending";
        private String userId;
        private String completedAt;
        private List<SimulatedWallet> verifiedWallets = List.of();
        private List<SimulatedWallet> unverifiedWallets = List.of();
        private List<Step> script = List.of();
        private Duration happyPathDelay;
        private ScriptStart scriptStart = ScriptStart.ON_FIRST_CONNECTION;
        private boolean completionDefaults = true;
        private boolean restartWhenTerminal;

        Builder(SseSimulator sim) {
            this.sim = sim;
        }

        /** The session ID (default: a random UUID). Must not contain {@code /}, {@code ?}, {@code #}, {@code %}, spaces or control characters. */
        public Builder id(String id) {
            Objects.requireNonNull(id, "id");
            if (id.isEmpty() || id.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || c == '/' || c == '?' || c == '#' || c == '%')) {
                throw new IllegalArgumentException("session ID not usable in a path: '" + id + "'");
            }
            this.id = id;
            return this;
        }

        public Builder type(VerificationType type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        public Builder individual() {
            return type(VerificationType.INDIVIDUAL);
        }

        public Builder business() {
            return type(VerificationType.BUSINESS);
        }

        /** The generation (default: the simulator's, see {@link PredicateSessions#defaultGeneration(Generation)}). */
        public Builder generation(Generation generation) {
            this.generation = Objects.requireNonNull(generation, "generation");
            return this;
        }

        /** The initial status (default {@code pending}). */
        public Builder status(SessionStatus status) {
            return status(status.wireName());
        }

        public Builder status(String status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        public Builder completedAt(Instant completedAt) {
            this.completedAt = formatInstant(completedAt);
            return this;
        }

        public Builder verifiedWallets(SimulatedWallet... wallets) {
            this.verifiedWallets = List.of(wallets);
            return this;
        }

        public Builder unverifiedWallets(SimulatedWallet... wallets) {
            this.unverifiedWallets = List.of(wallets);
            return this;
        }

        /** The scripted timeline. */
        public Builder script(Step... steps) {
            return script(Arrays.asList(steps));
        }

        public Builder script(List<Step> steps) {
            this.script = List.copyOf(steps);
            this.happyPathDelay = null;
            return this;
        }

        /** A script along the generation's happy path, one step every {@code stepDelay}, ending {@code completed}. */
        public Builder happyPath(Duration stepDelay) {
            this.happyPathDelay = Objects.requireNonNull(stepDelay, "stepDelay");
            this.script = List.of();
            return this;
        }

        /** When the script starts to run by itself (default {@link ScriptStart#ON_FIRST_CONNECTION}). */
        public Builder scriptStart(ScriptStart start) {
            this.scriptStart = Objects.requireNonNull(start, "start");
            return this;
        }

        /** See the class description of {@link PredicateSession} (default on). */
        public Builder completionDefaults(boolean on) {
            this.completionDefaults = on;
            return this;
        }

        /**
         * When a stream connects while the session is terminal, {@link PredicateSession#restart()} it
         * first, so every new connection sees the whole timeline again (the standalone demo does this).
         */
        public Builder restartWhenTerminal(boolean on) {
            this.restartWhenTerminal = on;
            return this;
        }

        /**
         * Creates the session.
         *
         * @throws IllegalStateException when a session with this ID exists
         */
        public PredicateSession create() {
            PredicateSession s = new PredicateSession(sim, this);
            sim.predicate().register(s);
            s.startIfOnCreate();
            return s;
        }
    }
}
