/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.parser;

import java.nio.charset.StandardCharsets;

/**
 * UTF-8 decoding that replaces malformed input as the WHATWG decoder does (one U+FFFD per
 * maximal subpart), and is quick for the text event streams mostly carry.
 *
 * <ul>
 *   <li>ASCII, and ASCII with Latin-1 letters (é, ü, ß...), is decoded here straight into a
 *       Latin-1 string. The JDK decoder handles it too, but on JDK 17 it is about ten times
 *       slower as soon as one such letter appears.</li>
 *   <li>Anything else goes to the JDK decoder. It replaces malformed input the WHATWG way
 *       except for one pattern: {@code ED} followed by {@code A0..BF}, the start of an encoded
 *       surrogate. The JDK replaces {@code ED A0 80} with one U+FFFD; WHATWG rejects {@code ED} as
 *       soon as the next byte is out of its range, then sees two lone continuation bytes: three
 *       U+FFFD. Only a result that contains U+FFFD is checked for that pattern.</li>
 * </ul>
 */
final class Utf8 {

    private static final byte SURROGATE_LEAD = (byte) 0xED;
    // the lead bytes of U+0080..U+00BF and U+00C0..U+00FF
    private static final byte LATIN1_LEAD_C2 = (byte) 0xC2;
    private static final byte LATIN1_LEAD_C3 = (byte) 0xC3;
    private static final char REPLACEMENT = '\uFFFD';

    private Utf8() {
    }

    static String decode(byte[] bytes, int from, int to) {
        if (from == to) {
            return "";
        }
        int nonAscii = firstNonAscii(bytes, from, to);
        if (nonAscii == to) {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
        String latin1 = isLatin1Letter(bytes, nonAscii, to) ? decodeLatin1(bytes, from, to, nonAscii) : null;
        return latin1 != null ? latin1 : decodeWithJdk(bytes, from, to);
    }

    private static int firstNonAscii(byte[] bytes, int from, int to) {
        int i = from;
        for (int last = to - Swar.WORD; i <= last; i += Swar.WORD) {
            long high = Swar.word(bytes, i) & Swar.HIGH_BITS;
            if (high != 0) {
                return i + Swar.firstFlagged(high);
            }
        }
        while (i < to && bytes[i] >= 0) {
            i++;
        }
        return i;
    }

    private static boolean isLatin1Letter(byte[] bytes, int i, int to) {
        byte lead = bytes[i];
        return (lead == LATIN1_LEAD_C2 || lead == LATIN1_LEAD_C3) && i + 1 < to && (bytes[i + 1] & 0xC0) == 0x80;
    }

    /**
     * Decodes text made of ASCII and two-byte Latin-1 letters, {@code nonAscii} being the first of
     * those letters; null as soon as anything else shows up (including malformed input).
     */
    private static String decodeLatin1(byte[] bytes, int from, int to, int nonAscii) {
        byte[] latin1 = new byte[to - from];
        int length = nonAscii - from;
        System.arraycopy(bytes, from, latin1, 0, length);
        int i = nonAscii;
        while (i < to) {
            if (bytes[i] >= 0) {
                int asciiEnd = firstNonAscii(bytes, i, to);
                System.arraycopy(bytes, i, latin1, length, asciiEnd - i);
                length += asciiEnd - i;
                i = asciiEnd;
            } else if (isLatin1Letter(bytes, i, to)) {
                latin1[length++] = (byte) ((bytes[i] & 0x03) << 6 | (bytes[i + 1] & 0x3F));
                i += 2;
            } else {
                return null;
            }
        }
        return new String(latin1, 0, length, StandardCharsets.ISO_8859_1);
    }

    private static String decodeWithJdk(byte[] bytes, int from, int to) {
        String text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
        return text.indexOf(REPLACEMENT) < 0 ? text : replaceSurrogateLeads(bytes, from, to, text);
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
