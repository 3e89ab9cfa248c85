/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

/** A session could not be added: its watch set holds {@code maxSessions} already. Nothing was changed. */
public class WatchSetFullException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public WatchSetFullException(String watchName, int maxSessions, String sessionId) {
        super("Watch set '" + watchName + "' is full (maxSessions=" + maxSessions + "): session " + sessionId
              + " was not added");
    }
}
