/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

/**
 * A watch consumer's set that its repository could not be read for yet, as its health check shows it.
 *
 * @param attempts the reads that failed since the consumer started
 * @param cause    the last failure in words, with no secret (see {@link RepositoryFailureDescription})
 */
record UnreadWatchSet(int attempts, String cause) {
}
