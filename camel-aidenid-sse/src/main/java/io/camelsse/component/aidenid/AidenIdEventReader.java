/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.util.Map;

import io.camelsse.component.sse.support.JsonPayload;

/**
 * Reads an event's JSON payload into its {@link AidenIdEvent} class, field by field (see {@link JsonPayload}): a
 * missing field is simply null, an unknown one is ignored (and kept in the JSON text), and a field of the wrong kind
 * is reported by name.
 */
final class AidenIdEventReader {

    private AidenIdEventReader() {
    }

    /**
     * The typed event; an unknown type becomes an {@link UnknownAidenIdEvent}, which keeps its JSON whatever its fields
     * are (its {@code identity_id} is read only when it is a string).
     */
    static AidenIdEvent read(String id, String type, String json) throws MalformedAidenIdEventException {
        try {
            JsonPayload p = JsonPayload.parse(json);
            if (!isKnown(type)) {
                return new UnknownAidenIdEvent(id, type, p.textIfString("identity_id"), json);
            }
            String identityId = p.text("identity_id");
            return switch (type) {
                case IdentityCreatedEvent.TYPE -> new IdentityCreatedEvent(id, identityId, p.text("email"),
                        p.instant("created_at"), p.instant("expires_at"), json);
                case IdentityExpiredEvent.TYPE -> new IdentityExpiredEvent(id, identityId, p.instant("expired_at"),
                        json);
                case ExtractionCompletedEvent.TYPE -> new ExtractionCompletedEvent(id, identityId, p.text("type"),
                        p.bool("has_secret"), p.text("redacted_value"), p.number("confidence"),
                        p.instant("extracted_at"), json);
                case InboundReceivedEvent.TYPE -> new InboundReceivedEvent(id, identityId, p.text("from"),
                        p.text("subject"), p.instant("received_at"), json);
                default -> throw new IllegalStateException("Not a known type: " + type);
            };
        } catch (JsonPayload.Unreadable unreadable) {
            throw new MalformedAidenIdEventException(id, type, unreadable.getMessage(), null);
        }
    }

    private static boolean isKnown(String type) {
        return switch (type) {
            case IdentityCreatedEvent.TYPE, IdentityExpiredEvent.TYPE, ExtractionCompletedEvent.TYPE,
                 InboundReceivedEvent.TYPE -> true;
            default -> false;
        };
    }

    /**
     * Checks the payload is a JSON object and returns its {@code identity_id} when that is a string, else null: what
     * a raw body needs, which is the text as received, not its fields.
     */
    static String identityId(String id, String type, String json) throws MalformedAidenIdEventException {
        try {
            return JsonPayload.parse(json).textIfString("identity_id");
        } catch (JsonPayload.Unreadable unreadable) {
            throw new MalformedAidenIdEventException(id, type, unreadable.getMessage(), null);
        }
    }

    static Map<String, Object> toMap(String json) {
        return JsonPayload.toMap(json);
    }
}
