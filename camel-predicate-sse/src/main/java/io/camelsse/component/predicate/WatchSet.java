/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.RuntimeCamelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions one {@code predicate-sse:watch/<name>} watches, shared by every endpoint of that name: producers add
 * and remove, the one running consumer streams them. Each change reaches the {@link WatchRepository} before it takes
 * effect here, so what the repository holds is never behind what was acknowledged.
 * <p>
 * A repository may be shared by several nodes (replicas under {@code master:}), of which one streams the set. So
 * what was read is trusted only while a consumer of this node streams the set; otherwise every change reads the
 * repository again first, and a consumer that starts reads it whole. The streaming node learns of changes other nodes
 * made through {@link #refresh()}.
 * <p>
 * A consumer first claims the set, then streams it once it has read it whole ({@link #openAll}). Between the two (its
 * repository could not be read yet) the set is treated as on a node where no consumer streams it: a producer's change
 * goes to the repository only, and the read that ends the wait opens every session, those added meanwhile included.
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
    // the route that consumes the set, from its start to its stop, and the start of it that claimed the set
    private PredicateWatchConsumer consumer;
    private long consumerRun;
    // whether that consumer has read the set and opened its sessions
    private boolean streaming;

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
        if (newMaxSessions != null) {
            // an endpoint that names the default names a value all the same: a later different one conflicts
            if (maxSessionsExplicit && newMaxSessions != maxSessions) {
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
        synchronized (this) {
            ensureLoaded();
            if (entries.containsKey(sessionId)) {
                // written all the same (the repositories ignore a session they hold): on a node that streams the
                // set, another node may have removed the session since this one last read the repository
                repository.add(name, new WatchedSession(sessionId, verificationType, null));
                return false;
            }
            if (entries.size() >= maxSessions) {
                throw new WatchSetFullException(name, maxSessions, sessionId);
            }
            repository.add(name, new WatchedSession(sessionId, verificationType, null));
            added = new WatchEntry(sessionId, verificationType, null);
            entries.put(sessionId, added);
            if (streaming) {
                consumer.open(added);
            }
        }
        return true;
    }

    /** @return true when removed, false when the set did not have the session */
    boolean remove(String sessionId) throws Exception {
        synchronized (this) {
            ensureLoaded();
            if (!entries.containsKey(sessionId)) {
                // removed all the same: on a node that streams the set, another node may have added the session
                // since this one last read the repository
                repository.remove(name, sessionId);
                return false;
            }
            repository.remove(name, sessionId);
            entries.remove(sessionId);
            if (streaming) {
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
     * Makes the consumer the one route of this set, before it reads the set ({@link #openAll}).
     *
     * @param run the consumer's start, so that an {@code openAll} left over from an earlier start opens nothing
     * @throws IllegalStateException when another route consumes the set
     */
    synchronized void claim(PredicateWatchConsumer newConsumer, long run) {
        if (consumer != null && consumer != newConsumer) {
            throw new IllegalStateException("Watch set '" + name + "' is already consumed by route '"
                                            + consumer.getRouteId() + "': one route per watch set");
        }
        consumer = newConsumer;
        consumerRun = run;
        streaming = false;
    }

    /**
     * Reads the set whole and opens every session, for the consumer that claimed it in that start.
     *
     * @return the number of sessions opened, or -1 when that claim is over (the route stopped or is stopping) or has
     *         its sessions open already
     * @throws UnreadableException when the repository could not be read; nothing was opened, and the claim holds
     */
    synchronized int openAll(PredicateWatchConsumer claimant, long run) throws UnreadableException {
        if (consumer != claimant || consumerRun != run || streaming) {
            return -1;
        }
        ensureRepository();
        List<WatchedSession> stored;
        try {
            stored = repository.load(name);
        } catch (Exception e) {
            throw new UnreadableException(e);
        }
        if (!claimant.isRunAllowed()) {
            // the route began to stop while the repository answered: its stop waits for this lock to give the claim up
            return -1;
        }
        // read whole: other nodes, or this node's producer, may have changed the set since this node last looked
        entries.clear();
        for (WatchedSession session : stored) {
            entries.put(session.sessionId(), WatchEntry.of(session));
        }
        loaded = true;
        streaming = true;
        for (WatchEntry entry : new ArrayList<>(entries.values())) {
            open(entry);
        }
        return entries.size();
    }

    /**
     * Reads the repository again, for the streaming consumer: opens the sessions other nodes added, closes those they
     * removed or finished. Does nothing while no consumer of this node streams the set, or before it has read it.
     *
     * @return how many sessions were opened and closed, as {@code {opened, closed}}
     */
    synchronized int[] refresh() throws Exception {
        if (!streaming) {
            return new int[] { 0, 0 };
        }
        List<WatchEntry> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        reconcile(repository.load(name), added, removed);
        removed.forEach(consumer::close);
        added.forEach(this::open);
        return new int[] { added.size(), removed.size() };
    }

    /** Makes the entries what the repository holds, keeping the entries of sessions still there as they are. */
    private void reconcile(List<WatchedSession> stored, List<WatchEntry> added, List<String> removed) {
        Set<String> storedIds = new HashSet<>();
        for (WatchedSession session : stored) {
            storedIds.add(session.sessionId());
            if (!entries.containsKey(session.sessionId())) {
                WatchEntry entry = WatchEntry.of(session);
                entries.put(session.sessionId(), entry);
                added.add(entry);
            }
        }
        for (String sessionId : new ArrayList<>(entries.keySet())) {
            if (!storedIds.contains(sessionId)) {
                entries.remove(sessionId);
                removed.add(sessionId);
            }
        }
    }

    private void open(WatchEntry entry) {
        try {
            consumer.open(entry);
        } catch (IllegalArgumentException unusable) {
            // a stored entry that no request can be made for (edited by hand, say): it would never be delivered
            LOG.warn("Watch set '{}': session '{}' cannot be opened and is removed: {}", name, entry.sessionId(),
                    unusable.getMessage());
            try {
                repository.remove(name, entry.sessionId());
            } catch (Exception e) {
                throw RuntimeCamelException.wrapRuntimeCamelException(e);
            }
            entries.remove(entry.sessionId());
        }
    }

    synchronized void detach(PredicateWatchConsumer leaving) {
        if (consumer == leaving) {
            consumer = null;
            streaming = false;
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

    /**
     * Makes the entries current before a producer's change: read once while a consumer of this node streams the set
     * (it learns of other nodes' changes through {@link #refresh()}, and a change whose effect it cannot see yet is
     * written to the repository all the same); read again each time while none does, since then another node may be
     * streaming the set and changing it, or this node's consumer has not read it yet.
     */
    private void ensureLoaded() throws Exception {
        if (loaded && streaming) {
            return;
        }
        ensureRepository();
        reconcile(repository.load(name), new ArrayList<>(), new ArrayList<>());
        loaded = true;
    }

    private void ensureRepository() {
        if (repository == null) {
            repository = new MemoryWatchRepository();
        }
    }

    /** The repository could not be read: its exception is the cause. */
    static final class UnreadableException extends Exception {

        private static final long serialVersionUID = 1L;

        UnreadableException(Exception cause) {
            super("The watch set could not be read from its repository", cause);
        }
    }
}
