/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

/** A failure that says in its own words what happened, without the URL: for log lines and health details. */
public interface DescribedFailure {

    String describe();
}
