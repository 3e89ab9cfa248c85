/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.util.regex.Pattern;

/**
 * Masks the values of the request header options ({@code header.<Name>} and {@code requestHeaders}) in an endpoint
 * URI. Camel's own sanitizer only knows option names such as {@code apiKey} or {@code password}, and a header option
 * can be named anything, so Camel would show these values as written.
 * <p>
 * A {@code RAW(...)} value ends at the {@code )} that ends the option, as Camel reads it, so a value such as
 * {@code RAW(a&b)} or {@code RAW(a)b)} is masked whole.
 */
final class HeaderMasking {

    static final String MASK = "xxxxxx";

    private static final Pattern HEADER_OPTION = Pattern.compile(
            "([?&](?:header\\.[^=&]*|requestHeaders))=(?:RAW\\(.*?\\)(?=&|$)|RAW\\{.*?\\}(?=&|$)|[^&]*)",
            Pattern.CASE_INSENSITIVE);

    private HeaderMasking() {
    }

    static String mask(String uri) {
        return uri == null ? null : HEADER_OPTION.matcher(uri).replaceAll("$1=" + MASK);
    }
}
