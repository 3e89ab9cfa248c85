/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.util.regex.Pattern;

/**
 * Says in words why a store failed (a {@code lastEventIdRepository}, a resume strategy's store, a watch repository),
 * for a log line or a health check. A driver's exception may quote
 * what it was given to connect with, such as a JDBC URL with a {@code password=} in it, or a {@code user:password@}
 * URL: such values are masked. On one line, and not endlessly long, since a driver's message may be either.
 */
public final class StoreFailureDescription {

    static final String MASK = "xxxxxx";
    private static final int MAX_LENGTH = 500;
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(?i)([\\w.-]*(?:password|passwd|pwd|secret|token|credential)[\\w.-]*\\s*[=:]\\s*)"
                                                                + "(\"[^\"]*\"|'[^']*'|[^\\s;&,)\"']+)");
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(://[^/\\s:@]*:)[^/\\s@]+@");
    // a cause of a cause of itself would loop for ever
    private static final int MAX_CAUSES = 10;

    private StoreFailureDescription() {
    }

    /** The exception's class and message, and those of its root cause when the message does not tell it already. */
    public static String of(Throwable failure) {
        String text = words(failure);
        Throwable root = failure;
        for (int i = 0; i < MAX_CAUSES && root.getCause() != null && root.getCause() != root; i++) {
            root = root.getCause();
        }
        if (root != failure && (root.getMessage() == null || !text.contains(root.getMessage()))) {
            text += " (caused by " + words(root) + ")";
        }
        String masked = USER_INFO_PASSWORD.matcher(SECRET_VALUE.matcher(text).replaceAll("$1" + MASK))
                .replaceAll("$1" + MASK + "@")
                .replaceAll("\\s+", " ");
        return masked.length() <= MAX_LENGTH ? masked : masked.substring(0, MAX_LENGTH) + "...";
    }

    private static String words(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
