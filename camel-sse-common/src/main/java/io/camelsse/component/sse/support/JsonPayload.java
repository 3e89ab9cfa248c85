/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A vendor event's JSON object, read field by field: how both vendor components read their events. A missing field,
 * or one that is JSON null, reads as null; an unknown one is ignored; one of the wrong kind is an {@link Unreadable}
 * that names the field and both kinds. No message ever holds the payload or a value from it, since events may carry
 * personal data.
 * <p>
 * Needs Jackson, which the vendor components bring; {@code sse:} never loads this class.
 */
public final class JsonPayload {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JsonNode object;
    // where this object sits in the payload, such as "verifiedWallets[1]."; empty for the payload itself
    private final String path;

    private JsonPayload(JsonNode object, String path) {
        this.object = object;
        this.path = path;
    }

    /**
     * @throws Unreadable when the text is not one JSON object: not JSON (with the line and column), empty, or
     *                    another kind of value
     */
    public static JsonPayload parse(String json) throws Unreadable {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // where, not what: the parser's own message may quote the payload
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new Unreadable("not valid JSON" + where);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new Unreadable("the data is empty");
        }
        if (!tree.isObject()) {
            throw new Unreadable("a JSON object was expected, not " + kind(tree));
        }
        return new JsonPayload(tree, "");
    }

    /** The JSON object text as a map, for a payload that {@link #parse} accepted before. */
    public static Map<String, Object> toMap(String json) {
        try {
            return MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The payload is no longer readable", e);
        }
    }

    /** The field's text; null when it is missing or null. */
    public String text(String field) throws Unreadable {
        JsonNode node = value(field, JsonNode::isTextual, "a string");
        return node == null ? null : node.textValue();
    }

    /** The field's text when it is a string; null when it is anything else, or missing: for fields only shown. */
    public String textIfString(String field) {
        JsonNode node = object.get(field);
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    /** The field's text, which must be there. */
    public String requiredText(String field) throws Unreadable {
        String text = text(field);
        if (text == null) {
            throw new Unreadable("field '" + path + field + "' is missing");
        }
        return text;
    }

    /** The field's ISO-8601 instant; null when it is missing or null. */
    public Instant instant(String field) throws Unreadable {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new Unreadable("field '" + path + field + "' is not an ISO-8601 instant");
        }
    }

    /** The field's boolean; null when it is missing or null. */
    public Boolean bool(String field) throws Unreadable {
        JsonNode node = value(field, JsonNode::isBoolean, "true or false");
        return node == null ? null : node.booleanValue();
    }

    /** The field's number; null when it is missing or null. */
    public Double number(String field) throws Unreadable {
        JsonNode node = value(field, JsonNode::isNumber, "a number");
        return node == null ? null : node.doubleValue();
    }

    /** The objects of the field's array, null entries left out; empty when the field is missing or null. */
    public List<JsonPayload> objects(String field) throws Unreadable {
        JsonNode node = value(field, JsonNode::isArray, "an array");
        if (node == null) {
            return List.of();
        }
        List<JsonPayload> objects = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            String elementPath = path + field + "[" + i + "]";
            if (element.isObject()) {
                objects.add(new JsonPayload(element, elementPath + "."));
            } else if (!element.isNull()) {
                throw new Unreadable("field '" + elementPath + "' should be an object, not " + kind(element));
            }
        }
        return objects;
    }

    /** The field's value, of the expected kind; null when it is missing or JSON null. */
    private JsonNode value(String field, Predicate<JsonNode> ofKind, String expected) throws Unreadable {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!ofKind.test(node)) {
            throw new Unreadable("field '" + path + field + "' should be " + expected + ", not " + kind(node));
        }
        return node;
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** What is wrong with a payload, in words that hold nothing of it; each vendor wraps it in its own exception. */
    public static final class Unreadable extends Exception {

        private static final long serialVersionUID = 1L;

        Unreadable(String problem) {
            super(problem, null, false, false);
        }
    }
}
