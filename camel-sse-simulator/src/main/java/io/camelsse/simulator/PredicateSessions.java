/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;

/** The Predicate side, reached through {@link SseSimulator#predicate()}: creating and finding sessions. Thread-safe. */
public final class PredicateSessions {

    private final SseSimulator sim;
    private final ConcurrentHashMap<String, PredicateSession> sessions = new ConcurrentHashMap<>();
    private volatile Generation defaultGeneration;

    PredicateSessions(SseSimulator sim, Generation defaultGeneration) {
        this.sim = sim;
        this.defaultGeneration = defaultGeneration;
    }

    /** A new {@code individual} session with a random UUID, status {@code pending}, no script. */
    public PredicateSession createSession() {
        return newSession().create();
    }

    /** A new session of this type with a random UUID, status {@code pending}, no script. */
    public PredicateSession createSession(VerificationType type) {
        return newSession().type(type).create();
    }

    /** Describes a session in detail (ID, type, generation, fields, script); finish with {@code create()}. */
    public PredicateSession.Builder newSession() {
        return new PredicateSession.Builder(sim);
    }

    /** {@code count} new {@code individual} sessions with random UUIDs, status {@code pending}, no script. */
    public List<PredicateSession> createSessions(int count) {
        return createSessions(count, (b, i) -> { });
    }

    /**
     * {@code count} new sessions, each described by {@code customiser} as with {@link #newSession()} (do not
     * set one fixed {@code id}: IDs must differ). Either all are created or, when one fails, none stay.
     */
    public List<PredicateSession> createSessions(int count, Consumer<PredicateSession.Builder> customiser) {
        Objects.requireNonNull(customiser, "customiser");
        return createSessions(count, (b, i) -> customiser.accept(b));
    }

    /**
     * {@code count} new sessions; {@code customiser} gets each builder with the session's index (0 to
     * {@code count - 1}), e.g. to give each its own ID or timeline. Either all are created or, when one
     * fails, none stay.
     */
    public List<PredicateSession> createSessions(int count, ObjIntConsumer<PredicateSession.Builder> customiser) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        Objects.requireNonNull(customiser, "customiser");
        List<PredicateSession> created = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                PredicateSession.Builder b = newSession();
                customiser.accept(b, i);
                created.add(b.create());
            }
        } catch (RuntimeException e) {
            created.forEach(s -> remove(s.id()));
            throw e;
        }
        return created;
    }

    /**
     * {@link PredicateSession#advance()} on each session, in the order given. A session with no next status
     * (e.g. terminal) is left as it is and listed in {@link BulkAdvance#notAdvanced()}. Each session's new
     * state is written by the event loops in one pass over their streams.
     */
    public BulkAdvance advanceAll(Collection<PredicateSession> sessions) {
        List<PredicateSession> advanced = new ArrayList<>(sessions.size());
        List<PredicateSession> notAdvanced = new ArrayList<>();
        for (PredicateSession s : sessions) {
            try {
                s.advance();
                advanced.add(s);
            } catch (IllegalStateException noNextStatus) {
                notAdvanced.add(s);
            }
        }
        return new BulkAdvance(advanced, notAdvanced);
    }

    /** {@link #advanceAll(Collection)} on every session there is. */
    public BulkAdvance advanceAll() {
        return advanceAll(sessions());
    }

    /** The same {@link PredicateSession#update(Consumer)} on each session: one event per session. */
    public List<PredicateSession> updateAll(Collection<PredicateSession> sessions, Consumer<PredicateSession.Update> changes) {
        Objects.requireNonNull(changes, "changes");
        List<PredicateSession> updated = new ArrayList<>(sessions);
        for (PredicateSession s : updated) {
            s.update(changes);
        }
        return updated;
    }

    /**
     * The session with this ID.
     *
     * @throws IllegalArgumentException when there is none
     */
    public PredicateSession session(String id) {
        PredicateSession s = sessions.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no Predicate session " + id);
        }
        return s;
    }

    public Optional<PredicateSession> find(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    public List<PredicateSession> sessions() {
        return new ArrayList<>(sessions.values());
    }

    /** Removes a session: its timeline stops, its open streams are dropped and new ones get 404. */
    public boolean remove(String id) {
        PredicateSession s = sessions.remove(id);
        if (s != null) {
            s.dispose();
        }
        return s != null;
    }

    /** The generation of sessions created without one (initially the builder's, default {@link Generation#CURRENT}). */
    public Generation defaultGeneration() {
        return defaultGeneration;
    }

    public PredicateSessions defaultGeneration(Generation generation) {
        this.defaultGeneration = Objects.requireNonNull(generation, "generation");
        return this;
    }

    void register(PredicateSession s) {
        if (sessions.putIfAbsent(s.id(), s) != null) {
            throw new IllegalStateException("a Predicate session " + s.id() + " exists already");
        }
    }

    void reset(Generation generation) {
        for (String id : new ArrayList<>(sessions.keySet())) {
            remove(id);
        }
        defaultGeneration = generation;
    }
}
