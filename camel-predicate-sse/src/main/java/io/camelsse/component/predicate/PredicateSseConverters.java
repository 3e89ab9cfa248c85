/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.util.Map;

import org.apache.camel.Converter;

/**
 * Type converters of {@link PredicateStatusEvent}: to its JSON text (fields in the API's order, absent ones left out)
 * and to a {@code Map} of the same shape, wallets as lists of maps. Camel finds them through the generated loader.
 */
@Converter(generateLoader = true)
public final class PredicateSseConverters {

    private PredicateSseConverters() {
    }

    @Converter
    public static String toJson(PredicateStatusEvent event) {
        return PredicateJson.write(event);
    }

    @Converter
    public static Map<String, Object> toMap(PredicateStatusEvent event) {
        return PredicateJson.toMap(event);
    }
}
