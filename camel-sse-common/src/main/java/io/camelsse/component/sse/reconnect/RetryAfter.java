/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.reconnect;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110 section 10.2.3): either a number of seconds or an HTTP date. A
 * wait beyond {@link ReconnectPolicy#MAX_SERVER_DELAY} is read as that maximum, however large the number.
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * @return the wait the header asks for, never negative and at most {@link ReconnectPolicy#MAX_SERVER_DELAY};
     *         empty when the header is absent or unreadable
     */
    public static Optional<Duration> parse(String value, Clock clock) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        if (trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            String digits = trimmed.replaceFirst("^0+(?=.)", "");
            long maxSeconds = ReconnectPolicy.MAX_SERVER_DELAY.toSeconds();
            // more digits than the maximum has is "very long", however many there are
            boolean beyondMax = digits.length() > Long.toString(maxSeconds).length()
                    || Long.parseLong(digits) > maxSeconds;
            return Optional.of(beyondMax ? ReconnectPolicy.MAX_SERVER_DELAY
                    : Duration.ofSeconds(Long.parseLong(digits)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            if (wait.isNegative()) {
                return Optional.of(Duration.ZERO);
            }
            boolean beyondMax = wait.compareTo(ReconnectPolicy.MAX_SERVER_DELAY) > 0;
            return Optional.of(beyondMax ? ReconnectPolicy.MAX_SERVER_DELAY : wait);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
