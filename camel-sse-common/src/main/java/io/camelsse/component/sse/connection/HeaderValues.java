/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

/**
 * Checks of values that go into request headers and paths, so a value taken from configuration or from a server can
 * never split a request or smuggle a header.
 */
public final class HeaderValues {

    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private HeaderValues() {
    }

    /**
     * @throws IllegalArgumentException naming {@code what} (never the value, which may be a secret) when the value
     *                                  holds CR, LF or another control character
     */
    public static String requireNoControlCharacters(String what, String value) {
        if (value != null && !hasNoControlCharacters(value)) {
            throw new IllegalArgumentException(what + " must not contain CR, LF or other control characters");
        }
        return value;
    }

    public static boolean hasNoControlCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f || c >= 0x80 && c < 0xa0) {
                return false;
            }
        }
        return true;
    }

    /** @throws IllegalArgumentException when the name is not an HTTP token (RFC 9110 section 5.6.2) */
    public static String requireToken(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean tokenChar = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || TOKEN_SYMBOLS.indexOf(c) >= 0;
            if (!tokenChar) {
                throw new IllegalArgumentException(what + " '" + name + "' is not a valid HTTP header name");
            }
        }
        return name;
    }

    /**
     * True when the JDK client can send the value as it is. It writes HTTP/1.1 header values as US-ASCII and turns
     * every other character into '?', so a value outside printable ASCII would arrive corrupted.
     */
    public static boolean isSendableAsIs(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }
}
