/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.reconnect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-04-06T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void seconds() {
        assertThat(RetryAfter.parse("120", clock)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", clock)).contains(Duration.ZERO);
    }

    @Test
    void httpDate() {
        assertThat(RetryAfter.parse("Mon, 06 Apr 2026 10:00:30 GMT", clock)).contains(Duration.ofSeconds(30));
    }

    @Test
    void theObsoleteDateFormatsAreReadToo() {
        assertThat(RetryAfter.parse("Monday, 06-Apr-26 10:00:30 GMT", clock)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Mon Apr  6 10:00:30 2026", clock)).contains(Duration.ofSeconds(30));
        // a two-digit year more than 50 years ahead is of the past century: 77 is 1977, long past; 76 is 2076
        assertThat(RetryAfter.parse("Sunday, 06-Nov-77 08:49:37 GMT", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Friday, 06-Nov-76 08:49:37 GMT", clock)).contains(Duration.ofHours(1));
    }

    @Test
    void dateInThePastMeansNow() {
        assertThat(RetryAfter.parse("Mon, 06 Apr 2026 09:00:00 GMT", clock)).contains(Duration.ZERO);
    }

    @Test
    void unreadableValuesAreIgnored() {
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
        assertThat(RetryAfter.parse("", clock)).isEmpty();
        assertThat(RetryAfter.parse("-5", clock)).isEmpty();
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
    }

    @Test
    void aWaitBeyondOneHourIsReadAsOneHour() {
        assertThat(RetryAfter.parse("3600", clock)).contains(Duration.ofHours(1));
        assertThat(RetryAfter.parse("3601", clock)).contains(Duration.ofHours(1));
        assertThat(RetryAfter.parse("9999999999999999", clock)).contains(Duration.ofHours(1));
        assertThat(RetryAfter.parse("99999999999999999999999", clock)).contains(Duration.ofHours(1));
        assertThat(RetryAfter.parse("0000000000000000000000000120", clock)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Sat, 06 Apr 2126 10:00:30 GMT", clock)).contains(Duration.ofHours(1));
    }
}
