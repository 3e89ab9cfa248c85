/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * A URL as it may appear in logs, messages and health details: no user info, and the value of every query parameter
 * whose name looks like it holds a secret ({@code token}, {@code apiKey}, {@code password}, {@code signature}, ...)
 * masked.
 */
public final class DisplayUri {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(pass|secret|token|key|auth|sig|credential|session).*");
    private static final String MASK = "xxxxxx";

    private DisplayUri() {
    }

    /** Whether a query parameter of this name is taken to hold a secret, and shown masked. */
    public static boolean looksSecret(String parameterName) {
        return SECRET_NAME.matcher(parameterName).matches();
    }

    public static String of(URI uri) {
        StringBuilder shown = new StringBuilder();
        if (uri.getScheme() != null) {
            shown.append(uri.getScheme()).append("://");
        }
        if (uri.getHost() != null) {
            shown.append(uri.getHost());
        }
        if (uri.getPort() != -1) {
            shown.append(':').append(uri.getPort());
        }
        if (uri.getRawPath() != null) {
            shown.append(uri.getRawPath());
        }
        String query = uri.getRawQuery();
        if (query != null) {
            shown.append('?');
            String separator = "";
            for (String parameter : query.split("&", -1)) {
                int equals = parameter.indexOf('=');
                String name = equals < 0 ? parameter : parameter.substring(0, equals);
                shown.append(separator).append(equals < 0 ? parameter
                        : looksSecret(name) ? name + "=" + MASK : parameter);
                separator = "&";
            }
        }
        return shown.toString();
    }
}
