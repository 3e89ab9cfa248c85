/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.RuntimeCamelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions one {@code predicate-sse:watch/<name>} watches, shared by every endpoint of that name: producers add
 * and remove, the one running consumer streams them. Each change reaches the {@link WatchRepository} before it takes
 * effect here, so what the repository holds is never behind what was acknowledged.
 */
final class WatchSet {

    static final int DEFAULT_MAX_SESSIONS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(WatchSet.class);

    private final String name;
    // guarded by this
    private WatchRepository repository;
    private boolean repositoryExplicit;
    private int maxSessions = DEFAULT_MAX_SESSIONS;
    private boolean maxSessionsExplicit;
    private final Map<String, WatchEntry> entries = new LinkedHashMap<>();
    private boolean loaded;
    private PredicateWatchConsumer consumer;

    WatchSet(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /**
     * Takes the options an endpoint of this set names explicitly; null leaves an option as it is.
     *
     * @throws IllegalArgumentException when another endpoint of the set named a different value
     */
    synchronized void configure(WatchRepository newRepository, Integer newMaxSessions) {
        if (newRepository != null && newRepository != repository) {
            if (repositoryExplicit || loaded) {
                throw new IllegalArgumentException("Watch set '" + name + "' already uses " + repositoryInUse()
                                                   + "; every endpoint of one watch set must name the same"
                                                   + " watchRepository");
            }
            repository = newRepository;
            repositoryExplicit = true;
        }
        if (newMaxSessions != null && newMaxSessions != maxSessions) {
            if (maxSessionsExplicit) {
                throw new IllegalArgumentException("Watch set '" + name + "' already has maxSessions=" + maxSessions
                                                   + "; every endpoint of one watch set must name the same");
            }
            if (newMaxSessions <= 0) {
                throw new IllegalArgumentException("maxSessions must be positive");
            }
            maxSessions = newMaxSessions;
            maxSessionsExplicit = true;
        }
    }

    private Object repositoryInUse() {
        return repository == null ? "the in-memory repository" : repository;
    }

    /** @return true when added, false when the set had the session already */
    boolean add(String sessionId, String verificationType) throws Exception {
        WatchEntry added;
        PredicateWatchConsumer streaming;
        synchronized (this) {
            ensureLoaded();
            if (entries.containsKey(sessionId)) {
                return false;
            }
            if (entries.size() >= maxSessions) {
                throw new WatchSetFullException(name, maxSessions, sessionId);
            }
            repository.add(name, new WatchedSession(sessionId, verificationType, null));
            added = new WatchEntry(sessionId, verificationType, null);
            entries.put(sessionId, added);
            streaming = consumer;
            if (streaming != null) {
                streaming.open(added);
            }
        }
        return true;
    }

    /** @return true when removed, false when the set did not have the session */
    boolean remove(String sessionId) throws Exception {
        synchronized (this) {
            ensureLoaded();
            if (!entries.containsKey(sessionId)) {
                return false;
            }
            repository.remove(name, sessionId);
            entries.remove(sessionId);
            if (consumer != null) {
                consumer.close(sessionId);
            }
        }
        return true;
    }

    /** Records a delivered status; a terminal one takes the session out of the set. */
    void delivered(WatchEntry entry, PredicateStatusEvent status) throws Exception {
        entry.lastDelivered(status);
        if (status.isTerminal()) {
            drop(entry);
        } else {
            WatchRepository target;
            synchronized (this) {
                if (entries.get(entry.sessionId()) != entry) {
                    return;
                }
                target = repository;
            }
            target.delivered(name, entry.sessionId(), status.toJson());
        }
    }

    /** Takes a session that is over (terminal, failed for good) out of the set. */
    synchronized void drop(WatchEntry entry) throws Exception {
        if (entries.get(entry.sessionId()) == entry) {
            repository.remove(name, entry.sessionId());
            entries.remove(entry.sessionId());
        }
    }

    /**
     * Makes the consumer the one that streams this set, and opens every session.
     *
     * @return the number of sessions opened
     */
    synchronized int attach(PredicateWatchConsumer newConsumer) throws Exception {
        if (consumer != null && consumer != newConsumer) {
            throw new IllegalStateException("Watch set '" + name + "' is already consumed by route '"
                                            + consumer.getRouteId() + "': one route per watch set");
        }
        ensureLoaded();
        consumer = newConsumer;
        for (WatchEntry entry : new ArrayList<>(entries.values())) {
            try {
                newConsumer.open(entry);
            } catch (IllegalArgumentException unusable) {
                // a stored entry that no request can be made for (edited by hand, say): it would never be delivered
                LOG.warn("Watch set '{}': session '{}' cannot be opened and is removed: {}", name, entry.sessionId(),
                        unusable.getMessage());
                repository.remove(name, entry.sessionId());
                entries.remove(entry.sessionId());
            }
        }
        return entries.size();
    }

    synchronized void detach(PredicateWatchConsumer leaving) {
        if (consumer == leaving) {
            consumer = null;
        }
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized boolean contains(String sessionId) {
        return entries.containsKey(sessionId);
    }

    synchronized int maxSessions() {
        return maxSessions;
    }

    /** Lets go of the repository's files or connections, and forgets what was read, for the next use to read again. */
    synchronized void close() {
        if (repository != null) {
            try {
                repository.close();
            } catch (Exception e) {
                throw RuntimeCamelException.wrapRuntimeCamelException(e);
            }
        }
        entries.clear();
        loaded = false;
    }

    private void ensureLoaded() throws Exception {
        if (loaded) {
            return;
        }
        if (repository == null) {
            repository = new MemoryWatchRepository();
        }
        for (WatchedSession stored : repository.load(name)) {
            entries.put(stored.sessionId(), WatchEntry.of(stored));
        }
        loaded = true;
    }
}
