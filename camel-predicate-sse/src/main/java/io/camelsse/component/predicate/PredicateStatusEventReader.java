/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads an event's JSON payload into a {@link PredicateStatusEvent}, and writes one back. The payload must be a JSON
 * object with {@code sessionId} and {@code status} texts; other fields are bound by name, an unknown one is ignored,
 * and one of the wrong kind is reported by name. As for every vendor event, a message names the problem and where it
 * is, never the payload itself. One mapper for the whole component: it is thread-safe once configured.
 */
final class PredicateStatusEventReader {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private PredicateStatusEventReader() {
    }

    /**
     * @param  sessionId                        the session of the stream, for the error message
     * @throws MalformedPredicateEventException when the payload is not a JSON object with a sessionId and a status
     */
    static PredicateStatusEvent read(String payload, String sessionId) throws MalformedPredicateEventException {
        JsonNode tree = parse(payload, sessionId);
        requireText(tree, "sessionId", sessionId);
        requireText(tree, "status", sessionId);
        try {
            return MAPPER.treeToValue(tree, PredicateStatusEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedPredicateEventException(sessionId, "the data is not a status event" + field(e), e);
        }
    }

    private static JsonNode parse(String payload, String sessionId) throws MalformedPredicateEventException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(payload);
        } catch (JsonProcessingException e) {
            // where, not what: the parser's own message may quote the payload
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new MalformedPredicateEventException(sessionId, "the data is not valid JSON" + where, null);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new MalformedPredicateEventException(sessionId, "the data is empty", null);
        }
        if (!tree.isObject()) {
            throw new MalformedPredicateEventException(sessionId,
                    "a JSON object was expected, not " + tree.getNodeType().name().toLowerCase(Locale.ROOT), null);
        }
        return tree;
    }

    private static void requireText(JsonNode tree, String field, String sessionId)
            throws MalformedPredicateEventException {
        JsonNode value = tree.get(field);
        if (value == null || !value.isTextual()) {
            throw new MalformedPredicateEventException(sessionId, "the event has no " + field + " text", null);
        }
    }

    /** Which field could not be bound, as far as the binding says: its path, never its value. */
    private static String field(Exception e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.length() == 0 ? "" : ": field '" + path + "' is not of the expected kind";
        }
        return "";
    }

    static String toJson(PredicateStatusEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            // a tree of strings and lists always serialises; this would be a bug
            throw new IllegalStateException("Cannot write " + event + " as JSON", e);
        }
    }

    static Map<String, Object> toMap(PredicateStatusEvent event) {
        return MAPPER.convertValue(event, MAP);
    }
}
