/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

/**
 * Rules for event IDs that leave the stream: sent back as {@code Last-Event-ID}, stored to resume after a restart, or
 * shown in health details and logs. A server may send any ID up to the event size limit; only a bounded, printable one
 * goes anywhere.
 */
public final class EventIds {

    /** The longest ID, in bytes, that is sent as {@code Last-Event-ID} or stored. */
    public static final int MAX_RESUMABLE_LENGTH = 1024;

    private static final int MAX_DISPLAY_LENGTH = 80;

    private EventIds() {
    }

    /**
     * True when the ID can be sent as {@code Last-Event-ID} exactly as received, and so is worth storing: printable
     * ASCII (the JDK client writes header values as ASCII and would corrupt anything else), no space at either end
     * (HTTP strips it from a header value), and at most {@link #MAX_RESUMABLE_LENGTH} bytes (servers refuse larger
     * headers with 431, which would end the stream).
     */
    public static boolean isResumable(String id) {
        return id.length() <= MAX_RESUMABLE_LENGTH && isPrintableAscii(id) && !hasSpaceAtAnEnd(id);
    }

    /** Why {@link #isResumable} refused the ID, in words, for a warning. */
    public static String whyNotResumable(String id) {
        if (id.length() > MAX_RESUMABLE_LENGTH) {
            return "it is " + id.length() + " characters long, more than " + MAX_RESUMABLE_LENGTH;
        }
        if (isPrintableAscii(id)) {
            return "it begins or ends with a space, which HTTP strips from a header value";
        }
        return "it is not printable ASCII, which the JDK HTTP client cannot send unchanged";
    }

    private static boolean isPrintableAscii(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasSpaceAtAnEnd(String id) {
        return !id.isEmpty() && (id.charAt(0) == ' ' || id.charAt(id.length() - 1) == ' ');
    }

    /** The ID shortened for health details and log lines, with its length when it was cut. */
    public static String forDisplay(String id) {
        if (id == null || id.length() <= MAX_DISPLAY_LENGTH) {
            return id;
        }
        return id.substring(0, MAX_DISPLAY_LENGTH) + "... (" + id.length() + " characters)";
    }
}
