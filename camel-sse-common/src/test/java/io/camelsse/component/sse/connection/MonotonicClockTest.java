/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MonotonicClockTest {

    @Test
    void startsAtTheSystemClockAndNeverGoesBack() {
        Instant before = Instant.now();
        MonotonicClock clock = MonotonicClock.fromSystemClock();
        Instant after = Instant.now();

        Instant previous = clock.instant();
        assertThat(previous).isBetween(before, after.plusSeconds(1));
        for (int i = 0; i < 100_000; i++) {
            Instant now = clock.instant();
            assertThat(now).isAfterOrEqualTo(previous);
            previous = now;
        }
    }

    @Test
    void millisAgreeWithTheInstant() {
        MonotonicClock clock = MonotonicClock.fromSystemClock();
        long millis = clock.millis();
        Instant instant = clock.instant();
        assertThat(Duration.between(Instant.ofEpochMilli(millis), instant)).isBetween(Duration.ZERO,
                Duration.ofSeconds(1));
    }

    @Test
    void aZoneChangesNoInstant() {
        MonotonicClock clock = MonotonicClock.fromSystemClock();
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertThat(clock.withZone(paris).getZone()).isEqualTo(paris);
        assertThat(clock.withZone(paris).instant()).isAfterOrEqualTo(clock.instant().minusMillis(1));
    }
}
