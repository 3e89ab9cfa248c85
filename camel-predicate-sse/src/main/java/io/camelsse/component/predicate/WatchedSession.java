/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.util.Objects;

/**
 * One session of a watch set, as a {@link WatchRepository} keeps it.
 *
 * @param sessionId         the session's UUID
 * @param verificationType  {@code individual} or {@code business}
 * @param lastDeliveredJson the last status event whose exchange completed, as JSON; null before the first
 */
public record WatchedSession(String sessionId, String verificationType, String lastDeliveredJson) {

    public WatchedSession {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(verificationType, "verificationType");
    }

    public WatchedSession withLastDelivered(String json) {
        return new WatchedSession(sessionId, verificationType, json);
    }
}
