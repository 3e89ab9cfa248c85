/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.reconnect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110 section 10.2.3): either a number of seconds or an HTTP date, in
 * any of the three formats a recipient must accept (section 5.6.7). A wait beyond {@link ReconnectPolicy#MAX_SERVER_DELAY}
 * is read as that maximum, however large the number.
 */
public final class RetryAfter {

    // the obsolete formats: "Sunday, 06-Nov-94 08:49:37 GMT" and C's asctime(), "Sun Nov  6 08:49:37 1994"
    private static final String RFC_850_WITHOUT_YEAR = "EEEE, dd-MMM-";
    private static final String RFC_850_TIME = " HH:mm:ss 'GMT'";
    private static final DateTimeFormatter ASCTIME
            = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

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
        Instant at = httpDate(trimmed, clock);
        if (at == null) {
            return Optional.empty();
        }
        Duration wait = Duration.between(clock.instant(), at);
        if (wait.isNegative()) {
            return Optional.of(Duration.ZERO);
        }
        boolean beyondMax = wait.compareTo(ReconnectPolicy.MAX_SERVER_DELAY) > 0;
        return Optional.of(beyondMax ? ReconnectPolicy.MAX_SERVER_DELAY : wait);
    }

    private static Instant httpDate(String value, Clock clock) {
        for (DateTimeFormatter format : new DateTimeFormatter[] {
                DateTimeFormatter.RFC_1123_DATE_TIME, rfc850(clock), ASCTIME }) {
            try {
                return ZonedDateTime.parse(value, format).toInstant();
            } catch (DateTimeParseException notThisFormat) {
                // the next one
            }
        }
        return null;
    }

    /** A two-digit year more than 50 years ahead is one of the past century (RFC 9110 section 5.6.7). */
    private static DateTimeFormatter rfc850(Clock clock) {
        LocalDate fiftyYearsAhead = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusYears(50);
        return new DateTimeFormatterBuilder().appendPattern(RFC_850_WITHOUT_YEAR)
                .appendValueReduced(ChronoField.YEAR, 2, 2, fiftyYearsAhead.minusYears(99))
                .appendPattern(RFC_850_TIME).toFormatter(Locale.ENGLISH).withZone(ZoneOffset.UTC);
    }
}
