/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.util.List;

/**
 * Where the sessions of {@code predicate-sse:watch} sets live, with the last status delivered for each, so that a
 * restarted consumer re-opens every session that is not final and does not deliver a status again. A session leaves
 * the repository once its terminal status has been delivered, or when it is removed or fails for good.
 * <p>
 * One repository may hold several watch sets: every call names the set. Calls for one session never overlap; calls
 * for different sessions may. Implementations: {@link MemoryWatchRepository} (the default),
 * {@link FileWatchRepository}, {@link JdbcWatchRepository}.
 */
public interface WatchRepository {

    /** Every session of the set, in the order they were added. */
    List<WatchedSession> load(String watchName) throws Exception;

    /** Adds the session (without a last status) unless the set has it already. */
    void add(String watchName, WatchedSession session) throws Exception;

    /** Records the last status delivered for the session, as JSON. */
    void delivered(String watchName, String sessionId, String statusJson) throws Exception;

    /** Takes the session out of the set; nothing happens when it is not there. */
    void remove(String watchName, String sessionId) throws Exception;

    /** Lets go of files or connections; the default does nothing. */
    default void close() throws Exception {
    }
}
