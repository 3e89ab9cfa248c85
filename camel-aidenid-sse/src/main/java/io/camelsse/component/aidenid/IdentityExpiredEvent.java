/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.time.Instant;

/**
 * {@code identity.expired}: an identity's TTL elapsed.
 */
public final class IdentityExpiredEvent extends AidenIdEvent {

    /** The event type this class stands for. */
    public static final String TYPE = "identity.expired";

    private final Instant expiredAt;

    IdentityExpiredEvent(String id, String identityId, Instant expiredAt, String json) {
        super(id, TYPE, identityId, json);
        this.expiredAt = expiredAt;
    }

    /** {@code expired_at}, or null. */
    public Instant getExpiredAt() {
        return expiredAt;
    }
}
