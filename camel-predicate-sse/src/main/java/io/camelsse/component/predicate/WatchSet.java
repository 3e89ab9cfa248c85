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
import java.util.function.BooleanSupplier;
import java.util.function.Function;

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
    // a consumer's read of the whole set is made outside the lock, so that a repository that does not answer holds
    // up neither a route stop nor the producers; it is taken only if nothing changed meanwhile, else made again, and
    // after this many tries made under the lock, so that a busy producer cannot keep the set unread for ever
    private static final int UNLOCKED_READ_TRIES = 3;
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
    // moves on with every change of the entries or of who streams them: a read made outside the lock is stale once it
    // moved
    private long changes;

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
            changes++;
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
            changes++;
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
            changes++;
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
        changes++;
    }

    /**
     * Reads the set whole and opens every session, for the consumer that claimed it in that start. The read is made
     * without the lock (see {@link #UNLOCKED_READ_TRIES}): a stop meanwhile does not wait for it, and it then opens
     * nothing.
     *
     * @return the number of sessions opened, or -1 when that claim is over (the route stopped or is stopping) or has
     *         its sessions open already
     * @throws UnreadableException when the repository could not be read; nothing was opened, and the claim holds
     */
    int openAll(PredicateWatchConsumer claimant, long run) throws UnreadableException {
        // a route that began to stop while the repository answered opens nothing
        return readThenTake(() -> claimedBy(claimant, run) && claimant.isRunAllowed(), this::readWhole,
                this::openRead, -1);
    }

    private boolean claimedBy(PredicateWatchConsumer claimant, long run) {
        return consumer == claimant && consumerRun == run && !streaming;
    }

    private List<WatchedSession> readWhole(WatchRepository source) throws UnreadableException {
        try {
            return source.load(name);
        } catch (Exception e) {
            throw new UnreadableException(e);
        }
    }

    // under the lock, by the consumer that claims the set
    private int openRead(List<WatchedSession> stored) {
        // read whole: other nodes, or this node's producer, may have changed the set since this node last looked
        entries.clear();
        for (WatchedSession session : stored) {
            entries.put(session.sessionId(), WatchEntry.of(session));
        }
        loaded = true;
        streaming = true;
        changes++;
        for (WatchEntry entry : new ArrayList<>(entries.values())) {
            open(entry);
        }
        return entries.size();
    }

    /**
     * Reads the repository again, for the streaming consumer: opens the sessions other nodes added, closes those they
     * removed or finished. Does nothing while no consumer of this node streams the set, or before it has read it. The
     * read is made without the lock, as in {@link #openAll}.
     *
     * @return how many sessions were opened and closed, as {@code {opened, closed}}
     */
    int[] refresh() throws Exception {
        return readThenTake(() -> streaming, source -> source.load(name), this::takeIn, new int[] { 0, 0 });
    }

    /**
     * Reads the set outside the lock and hands what was read to {@code take} under it, unless the entries changed
     * meanwhile: then it reads again, and after {@link #UNLOCKED_READ_TRIES} tries under the lock.
     *
     * @param wanted   checked under the lock before and after the read: false ends the read with {@code unwanted}
     */
    private <T, E extends Exception> T readThenTake(BooleanSupplier wanted, SetRead<E> read,
                                                     Function<List<WatchedSession>, T> take, T unwanted) throws E {
        for (int tries = 1; ; tries++) {
            WatchRepository source;
            long seen;
            synchronized (this) {
                if (!wanted.getAsBoolean()) {
                    return unwanted;
                }
                ensureRepository();
                if (tries > UNLOCKED_READ_TRIES) {
                    return take.apply(read.from(repository));
                }
                source = repository;
                seen = changes;
            }
            List<WatchedSession> stored = read.from(source);
            synchronized (this) {
                if (!wanted.getAsBoolean()) {
                    return unwanted;
                }
                if (changes == seen) {
                    return take.apply(stored);
                }
            }
        }
    }

    /** A read of the whole set from a repository. */
    @FunctionalInterface
    private interface SetRead<E extends Exception> {
        List<WatchedSession> from(WatchRepository source) throws E;
    }

    // under the lock, while a consumer streams the set
    private int[] takeIn(List<WatchedSession> stored) {
        List<WatchEntry> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        reconcile(stored, added, removed);
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
        changes++;
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
            changes++;
        }
    }

    /** Gives the set up; a read of it under way outside the lock is not waited for, and opens nothing. */
    synchronized void detach(PredicateWatchConsumer leaving) {
        if (consumer == leaving) {
            consumer = null;
            streaming = false;
            changes++;
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
        changes++;
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
