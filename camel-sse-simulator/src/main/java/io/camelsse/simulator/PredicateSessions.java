/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
