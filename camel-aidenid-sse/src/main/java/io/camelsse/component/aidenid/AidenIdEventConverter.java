/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.util.Map;

import org.apache.camel.Converter;

/**
 * Lets routes read an {@link AidenIdEvent} body as the payload's JSON text or as a map, e.g.
 * {@code convertBodyTo(String.class)} or {@code ${bodyAs(java.util.Map)}}.
 */
@Converter(generateLoader = true)
public final class AidenIdEventConverter {

    private AidenIdEventConverter() {
    }

    @Converter
    public static String toJson(AidenIdEvent event) {
        return event.toJson();
    }

    @Converter
    public static Map<String, Object> toMap(AidenIdEvent event) {
        return event.toMap();
    }
}
