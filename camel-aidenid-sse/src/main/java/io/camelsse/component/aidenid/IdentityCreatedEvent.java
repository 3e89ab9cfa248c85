/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.time.Instant;

/**
 * {@code identity.created}: a new identity was provisioned.
 */
public final class IdentityCreatedEvent extends AidenIdEvent {

    /** The event type this class stands for. */
    public static final String TYPE = "identity.created";

    private final String email;
    private final Instant createdAt;
    private final Instant expiresAt;

    IdentityCreatedEvent(String id, String identityId, String email, Instant createdAt, Instant expiresAt,
                         String json) {
        super(id, TYPE, identityId, json);
        this.email = email;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** The identity's inbox address ({@code email}), or null. */
    public String getEmail() {
        return email;
    }

    /** {@code created_at}, or null. */
    public Instant getCreatedAt() {
        return createdAt;
    }

    /** {@code expires_at}: when the identity's TTL elapses, or null. */
    public Instant getExpiresAt() {
        return expiresAt;
    }
}
