/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelsse.component.sse.connection.DisplayUri;

/**
 * Masks the secrets of an endpoint URI: the values of the request header options ({@code header.<Name>} and
 * {@code requestHeaders}), of every query parameter whose name looks like it holds a secret (as {@link DisplayUri}
 * masks them in log lines: the stream URL's own query shares the endpoint URI's), and the password of any user info.
 * Camel's own sanitizer only knows option names such as {@code apiKey} or {@code password}, and a header option or a
 * parameter of the stream URL can be named anything, so Camel would show these values as written.
 * <p>
 * A {@code RAW(...)} value ends at the {@code )} that ends the option, as Camel reads it, so a value such as
 * {@code RAW(a&b)} or {@code RAW(a)b)} is masked whole.
 */
final class EndpointUriMasking {

    static final String MASK = "xxxxxx";

    private static final Pattern PARAMETER = Pattern.compile(
            "([?&])([^=&]*)=(?:RAW\\(.*?\\)(?=&|$)|RAW\\{.*?\\}(?=&|$)|[^&]*)");
    private static final Pattern HEADER_OPTION = Pattern.compile("(?i)header\\..*|requestHeaders");
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(://[^/@?#:]*:)[^/@?#]*@");

    private EndpointUriMasking() {
    }

    static String mask(String uri) {
        if (uri == null) {
            return null;
        }
        String withoutPassword = USER_INFO_PASSWORD.matcher(uri).replaceFirst("$1" + MASK + "@");
        Matcher parameter = PARAMETER.matcher(withoutPassword);
        StringBuilder masked = new StringBuilder();
        while (parameter.find()) {
            String name = parameter.group(2);
            boolean secret = HEADER_OPTION.matcher(name).matches() || DisplayUri.looksSecret(name);
            parameter.appendReplacement(masked, Matcher.quoteReplacement(
                    secret ? parameter.group(1) + name + "=" + MASK : parameter.group()));
        }
        parameter.appendTail(masked);
        return masked.toString();
    }
}
