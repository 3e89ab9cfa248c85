/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import org.apache.camel.CamelException;

/**
 * An event of a Predicate session stream whose data is not a status event: not JSON, not an object, or without a
 * status. The exchange that carries it has the data as received as its body; the stream goes on with the next
 * event.
 */
public class MalformedPredicateEventException extends CamelException {

    private static final long serialVersionUID = 1L;

    private final String sessionId;
    private final String problem;

    public MalformedPredicateEventException(String sessionId, String problem, Throwable cause) {
        super("Invalid status event on the stream of Predicate session " + sessionId + ": " + problem, cause);
        this.sessionId = sessionId;
        this.problem = problem;
    }

    /** The session whose stream sent the event. */
    public String getSessionId() {
        return sessionId;
    }

    /** What is wrong with the event, without the session. */
    public String getProblem() {
        return problem;
    }
}
