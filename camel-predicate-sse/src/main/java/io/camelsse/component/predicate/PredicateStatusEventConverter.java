/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.util.Map;

import org.apache.camel.Converter;

/**
 * Lets routes read a {@link PredicateStatusEvent} body as its JSON text (fields in the API's order, absent ones left
 * out) or as a map of the same shape, e.g. {@code convertBodyTo(String.class)} or {@code ${bodyAs(java.util.Map)}}.
 * Camel finds them through the generated loader.
 */
@Converter(generateLoader = true)
public final class PredicateStatusEventConverter {

    private PredicateStatusEventConverter() {
    }

    @Converter
    public static String toJson(PredicateStatusEvent event) {
        return event.toJson();
    }

    @Converter
    public static Map<String, Object> toMap(PredicateStatusEvent event) {
        return event.toMap();
    }
}
