/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.parser;

import java.nio.charset.StandardCharsets;

/**
 * UTF-8 decoding with the WHATWG decoder's replacement behaviour, built on the JDK decoder.
 *
 * <p>The JDK decoder replaces malformed input the same way (one U+FFFD per maximal subpart)
 * except for one pattern: {@code ED} followed by {@code A0..BF}, the start of an encoded surrogate.
 * The JDK replaces {@code ED A0 80} with a single U+FFFD; WHATWG rejects {@code ED} as soon as the
 * next byte is out of its range and then sees lone continuation bytes: three U+FFFD. That case is
 * rare and only happens in malformed input, so the JDK's fast path decodes everything, and only
 * a result that contains U+FFFD is checked for the pattern.
 */
final class Utf8 {

    private static final byte SURROGATE_LEAD = (byte) 0xED;
    private static final char REPLACEMENT = '\uFFFD';

    private Utf8() {
    }

    static String decode(byte[] bytes, int from, int to) {
        if (from == to) {
            return "";
        }
        String text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
        // O(1) when the text is Latin-1 (compact strings), as it is for ASCII streams
        if (text.indexOf(REPLACEMENT) < 0) {
            return text;
        }
        return replaceSurrogateLeads(bytes, from, to, text);
    }

    /**
     * Decodes again, cutting before each {@code ED} that starts a surrogate: the WHATWG decoder
     * emits one U+FFFD for that {@code ED} (and for any incomplete sequence before it) and starts
     * afresh at the next byte, so each piece can be decoded on its own.
     */
    private static String replaceSurrogateLeads(byte[] bytes, int from, int to, String text) {
        StringBuilder result = null;
        int pieceStart = from;
        for (int i = from; i < to - 1; i++) {
            if (bytes[i] == SURROGATE_LEAD && isSurrogateSecondByte(bytes[i + 1])) {
                if (result == null) {
                    result = new StringBuilder(text.length() + 16);
                }
                result.append(new String(bytes, pieceStart, i - pieceStart, StandardCharsets.UTF_8));
                result.append(REPLACEMENT);
                pieceStart = i + 1;
            }
        }
        if (result == null) {
            return text;
        }
        result.append(new String(bytes, pieceStart, to - pieceStart, StandardCharsets.UTF_8));
        return result.toString();
    }

    private static boolean isSurrogateSecondByte(byte b) {
        int value = b & 0xFF;
        return value >= 0xA0 && value <= 0xBF;
    }
}
