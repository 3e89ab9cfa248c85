/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code requestHeaders} option: {@code Name: value} pairs separated by commas, such as
 * {@code X-Org-Id: acme, X-Api-Key: k}. The names travel inside the value, where neither the YAML DSL nor Camel's
 * property binding turns {@code X-Org-Id} into {@code XOrgId}, as they do with option keys.
 * <p>
 * A comma starts the next pair only when a header name and a colon follow it, so a value may hold commas of its own
 * ({@code Accept-Language: en, fr}). Messages name the header at most, never a value.
 */
final class RequestHeaderList {

    private static final String TOKEN = "[!#$%&'*+\\-.^_`|~0-9A-Za-z]+";
    private static final Pattern FIRST_NAME = Pattern.compile("\\s*(" + TOKEN + "):");
    private static final Pattern NEXT_NAME = Pattern.compile(",\\s*(" + TOKEN + "):");

    private RequestHeaderList() {
    }

    /**
     * @param  option                   the option's name, for messages
     * @throws IllegalArgumentException when the text does not start with {@code Name:}
     */
    static List<Map.Entry<String, String>> parse(String option, String text) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return pairs;
        }
        Matcher first = FIRST_NAME.matcher(text);
        if (!first.lookingAt()) {
            throw new IllegalArgumentException(option + " must be Name: value pairs separated by commas, such as"
                                               + " 'X-Org-Id: acme, X-Api-Key: {{env:API_KEY}}'");
        }
        String name = first.group(1);
        int valueFrom = first.end();
        Matcher next = NEXT_NAME.matcher(text);
        while (next.find(valueFrom)) {
            pairs.add(Map.entry(name, text.substring(valueFrom, next.start()).trim()));
            name = next.group(1);
            valueFrom = next.end();
        }
        pairs.add(Map.entry(name, text.substring(valueFrom).trim()));
        return pairs;
    }
}
