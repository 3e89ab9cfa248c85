/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

/**
 * An event of a type this version does not know. It keeps its type, ID and whole payload: read it with
 * {@link #toJson()} or {@link #toMap()}.
 */
public final class UnknownAidenIdEvent extends AidenIdEvent {

    UnknownAidenIdEvent(String id, String type, String identityId, String json) {
        super(id, type, identityId, json);
    }
}
