/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.RuntimeCamelException;

/**
 * Reads status events from the stream's JSON and writes them back. One mapper for the whole component: it is
 * thread-safe once configured.
 */
final class PredicateJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private PredicateJson() {
    }

    /**
     * @param  sessionId                     the session of the stream, for the error message
     * @throws InvalidPredicateEventException when the payload is not a JSON object with a sessionId and a status
     */
    static PredicateStatusEvent read(String payload, String sessionId) throws InvalidPredicateEventException {
        JsonNode node;
        try {
            node = MAPPER.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new InvalidPredicateEventException(sessionId, "the data is not valid JSON (" + e.getOriginalMessage()
                                                                + ")",
                    e);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidPredicateEventException(sessionId, "the data is not a JSON object", null);
        }
        requireText(node, "sessionId", sessionId);
        requireText(node, "status", sessionId);
        try {
            return MAPPER.treeToValue(node, PredicateStatusEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new InvalidPredicateEventException(sessionId, "the data is not a status event (" + detail + ")", e);
        }
    }

    private static void requireText(JsonNode node, String field, String sessionId)
            throws InvalidPredicateEventException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new InvalidPredicateEventException(sessionId, "the event has no " + field + " text", null);
        }
    }

    static String write(PredicateStatusEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            // a tree of strings and lists always serialises; this would be a bug
            throw new RuntimeCamelException("Cannot write " + event + " as JSON", e);
        }
    }

    static Map<String, Object> toMap(PredicateStatusEvent event) {
        return MAPPER.convertValue(event, MAP);
    }
}
