/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.time.Instant;

/**
 * {@code inbound.received}: a new e-mail arrived at an identity's inbox.
 */
public final class InboundReceivedEvent extends AidenIdEvent {

    /** The event type this class stands for. */
    public static final String TYPE = "inbound.received";

    private final String from;
    private final String subject;
    private final Instant receivedAt;

    InboundReceivedEvent(String id, String identityId, String from, String subject, Instant receivedAt, String json) {
        super(id, TYPE, identityId, json);
        this.from = from;
        this.subject = subject;
        this.receivedAt = receivedAt;
    }

    /** The sender ({@code from}), or null. */
    public String getFrom() {
        return from;
    }

    /** The mail's {@code subject}, or null. */
    public String getSubject() {
        return subject;
    }

    /** {@code received_at}, or null. */
    public Instant getReceivedAt() {
        return receivedAt;
    }
}
