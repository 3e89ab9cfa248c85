/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.time.Instant;

import io.camelsse.component.sse.support.StoreFailureDescription;

/**
 * A watch consumer's set that its repository could not be read for yet, as its health check shows it.
 *
 * @param attempts the reads that failed since the consumer started
 * @param cause    the last failure in words, with no secret (see {@link StoreFailureDescription})
 * @param since    when the first read of this start failed
 */
record UnreadWatchSet(int attempts, String cause, Instant since) {
}
