/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads an event's JSON payload into its {@link AidenIdEvent} class. Fields are read one by one rather than bound, so
 * a missing field is simply null, an unknown one is ignored (and kept in the JSON text), and a field of the wrong kind
 * is reported by name.
 */
final class AidenIdEventReader {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private AidenIdEventReader() {
    }

    /** The typed event; an unknown type becomes an {@link UnknownAidenIdEvent}. */
    static AidenIdEvent read(String id, String type, String json) throws MalformedAidenIdEventException {
        Payload p = new Payload(id, type, parse(id, type, json));
        String identityId = p.text("identity_id");
        return switch (type) {
            case IdentityCreatedEvent.TYPE -> new IdentityCreatedEvent(id, identityId, p.text("email"),
                    p.instant("created_at"), p.instant("expires_at"), json);
            case IdentityExpiredEvent.TYPE -> new IdentityExpiredEvent(id, identityId, p.instant("expired_at"), json);
            case ExtractionCompletedEvent.TYPE -> new ExtractionCompletedEvent(id, identityId, p.text("type"),
                    p.bool("has_secret"), p.text("redacted_value"), p.number("confidence"), p.instant("extracted_at"),
                    json);
            case InboundReceivedEvent.TYPE -> new InboundReceivedEvent(id, identityId, p.text("from"),
                    p.text("subject"), p.instant("received_at"), json);
            default -> new UnknownAidenIdEvent(id, type, identityId, json);
        };
    }

    /** Checks the payload is a JSON object and returns its {@code identity_id}, or null: what a raw body needs. */
    static String identityId(String id, String type, String json) throws MalformedAidenIdEventException {
        return new Payload(id, type, parse(id, type, json)).text("identity_id");
    }

    static Map<String, Object> toMap(String json) {
        try {
            return MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            // the text was read as a JSON object when the event was created
            throw new IllegalStateException("The payload is no longer readable", e);
        }
    }

    private static JsonNode parse(String id, String type, String json) throws MalformedAidenIdEventException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // where, not what: the parser's own message may quote the payload
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new MalformedAidenIdEventException(id, type, "not valid JSON" + where, null);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new MalformedAidenIdEventException(id, type, "the data is empty", null);
        }
        if (!tree.isObject()) {
            throw new MalformedAidenIdEventException(id, type,
                    "a JSON object was expected, not " + tree.getNodeType().name().toLowerCase(Locale.ROOT),
                    null);
        }
        return tree;
    }

    private record Payload(String id, String type, JsonNode tree) {

        String text(String field) throws MalformedAidenIdEventException {
            JsonNode node = value(field);
            if (node == null) {
                return null;
            }
            if (!node.isTextual()) {
                throw wrongKind(field, "a string");
            }
            return node.textValue();
        }

        Instant instant(String field) throws MalformedAidenIdEventException {
            String text = text(field);
            if (text == null) {
                return null;
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new MalformedAidenIdEventException(id, type,
                        "field '" + field + "' is not an ISO-8601 instant", e);
            }
        }

        Boolean bool(String field) throws MalformedAidenIdEventException {
            JsonNode node = value(field);
            if (node == null) {
                return null;
            }
            if (!node.isBoolean()) {
                throw wrongKind(field, "true or false");
            }
            return node.booleanValue();
        }

        Double number(String field) throws MalformedAidenIdEventException {
            JsonNode node = value(field);
            if (node == null) {
                return null;
            }
            if (!node.isNumber()) {
                throw wrongKind(field, "a number");
            }
            return node.doubleValue();
        }

        /** The field's value; null when it is missing or JSON null. */
        private JsonNode value(String field) {
            JsonNode node = tree.get(field);
            return node == null || node.isNull() ? null : node;
        }

        private MalformedAidenIdEventException wrongKind(String field, String expected) {
            return new MalformedAidenIdEventException(id, type,
                    "field '" + field + "' should be " + expected + ", not " + value(field).getNodeType().name()
                            .toLowerCase(Locale.ROOT),
                    null);
        }
    }
}
