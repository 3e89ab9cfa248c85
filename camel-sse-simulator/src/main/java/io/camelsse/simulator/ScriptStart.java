/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

/** When the scripted timeline of a Predicate session starts to run by itself. */
public enum ScriptStart {
    /** As soon as the session is created. */
    ON_CREATE,
    /** When the first stream of the session connects (the default: a test sees every step). */
    ON_FIRST_CONNECTION,
    /** Never by itself: {@link PredicateSession#startScript()} or {@link PredicateSession#advance()} drive it. */
    MANUAL
}
