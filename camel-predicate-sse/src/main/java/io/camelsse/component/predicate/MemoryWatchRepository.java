/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The default {@link WatchRepository}: survives a route restart, not a JVM restart. */
public class MemoryWatchRepository implements WatchRepository {

    private final Map<String, Map<String, WatchedSession>> sets = new LinkedHashMap<>();

    @Override
    public synchronized List<WatchedSession> load(String watchName) {
        return new ArrayList<>(set(watchName).values());
    }

    @Override
    public synchronized void add(String watchName, WatchedSession session) {
        set(watchName).putIfAbsent(session.sessionId(), session);
    }

    @Override
    public synchronized void delivered(String watchName, String sessionId, String statusJson) {
        set(watchName).computeIfPresent(sessionId, (id, s) -> s.withLastDelivered(statusJson));
    }

    @Override
    public synchronized void remove(String watchName, String sessionId) {
        set(watchName).remove(sessionId);
    }

    private Map<String, WatchedSession> set(String watchName) {
        return sets.computeIfAbsent(watchName, n -> new LinkedHashMap<>());
    }
}
