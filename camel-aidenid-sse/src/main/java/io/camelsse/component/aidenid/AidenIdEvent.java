/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.util.Map;
import java.util.Objects;

/**
 * One event of an AidenID project stream: the body of an {@code aidenid-sse} exchange. There is one final class per
 * event type the vendor documents, and {@link UnknownAidenIdEvent} for any other type.
 * <p>
 * Every event keeps its payload exactly as received, so {@link #toJson()} and {@link #toMap()} (and Camel's
 * conversions to {@code String} and {@code Map}) give every field, also those this version does not know.
 */
public abstract sealed class AidenIdEvent
        permits IdentityCreatedEvent, IdentityExpiredEvent, ExtractionCompletedEvent, InboundReceivedEvent,
        UnknownAidenIdEvent {

    private final String id;
    private final String type;
    private final String identityId;
    private final String json;

    AidenIdEvent(String id, String type, String identityId, String json) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.identityId = identityId;
        this.json = Objects.requireNonNull(json, "json");
    }

    /** The event ID, as sent in the stream's {@code id} field; use it to resume. */
    public String getId() {
        return id;
    }

    /** The event type, such as {@code extraction.completed}. */
    public String getType() {
        return type;
    }

    /** The payload's {@code identity_id}, or null when it has none. */
    public String getIdentityId() {
        return identityId;
    }

    /** The payload, the stream's {@code data} field, as the JSON text received. */
    public String toJson() {
        return json;
    }

    /** The payload as a map with the JSON field names ({@code identity_id}, ...), in the order received. */
    public Map<String, Object> toMap() {
        return AidenIdEventReader.toMap(json);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o != null && o.getClass() == getClass() && id.equals(((AidenIdEvent) o).id)
                && type.equals(((AidenIdEvent) o).type) && json.equals(((AidenIdEvent) o).json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, type, json);
    }

    /** Names the event, not its contents: payloads carry e-mail addresses and subjects that logs should not. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + id + ", type=" + type + ", identityId=" + identityId + "]";
    }
}
