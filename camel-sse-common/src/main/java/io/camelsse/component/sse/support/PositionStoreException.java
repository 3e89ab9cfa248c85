/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

/**
 * The store that holds a stream's position (a {@code lastEventIdRepository}, a resume strategy) could not say where the
 * stream resumes: the consumer waits and asks again rather than start from an older position.
 */
public class PositionStoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param what  which store failed and at what, such as "the lastEventIdRepository could not be read"
     * @param cause the store's own failure, described in the message without its stack or any password it quotes
     */
    public PositionStoreException(String what, Throwable cause) {
        super(cause == null ? what : what + ": " + StoreFailureDescription.of(cause), cause);
    }
}
