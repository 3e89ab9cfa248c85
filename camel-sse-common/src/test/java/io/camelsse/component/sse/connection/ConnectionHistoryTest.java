/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionHistoryTest {

    private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

    private final SteppingClock clock = new SteppingClock();
    private final ConnectionHistory history = new ConnectionHistory(clock);

    @Test
    void aStreamThatNeverConnectedIsDownFromItsStartAndCountsItsFailedAttempts() {
        history.started();
        clock.advance(Duration.ofSeconds(1));
        HttpStatusException unavailable = answer(503, "Service Unavailable");
        history.attemptFailed(unavailable, "HTTP 503");
        ConnectionHistory.Outage outage = history.reconnectScheduled(Duration.ofSeconds(2));

        assertThat(outage).isEqualTo(new ConnectionHistory.Outage(START, 1));
        StreamStatus status = history.status(StreamState.RECONNECTING, "");
        assertThat(status.downSince()).isEqualTo(START);
        assertThat(status.failedAttempts()).isEqualTo(1);
        assertThat(status.failure()).isSameAs(unavailable);
        assertThat(status.httpStatus()).isEqualTo(503);
        assertThat(status.lastError()).isEqualTo("HTTP 503");
        assertThat(status.reconnectCount()).isEqualTo(1);
        assertThat(status.nextAttemptAt()).isEqualTo(START.plusSeconds(3));
        assertThat(status.lastConnected()).isNull();
    }

    @Test
    void connectingEndsTheOutageAndKeepsOnlyTheWordsOfTheLastFailure() {
        history.started();
        history.attemptFailed(new IOException("refused"), "connection refused");
        history.attemptFailed(new IOException("refused"), "connection refused");
        clock.advance(Duration.ofSeconds(5));
        history.attemptStarted();

        ConnectionHistory.Outage ended = history.connected();

        assertThat(ended).isEqualTo(new ConnectionHistory.Outage(START, 2));
        StreamStatus status = history.status(StreamState.CONNECTED, "7");
        assertThat(status.lastEventId()).isEqualTo("7");
        assertThat(status.lastConnected()).isEqualTo(START.plusSeconds(5));
        assertThat(status.downSince()).isNull();
        assertThat(status.failedAttempts()).isZero();
        assertThat(status.failure()).isNull();
        assertThat(status.httpStatus()).isZero();
        assertThat(status.nextAttemptAt()).isNull();
        assertThat(status.lastError()).isEqualTo("connection refused");
    }

    @Test
    void anOpenStreamThatEndsIsDownFromThenAndAStreamThatIsOverShowsNoOutage() {
        history.started();
        history.connected();
        clock.advance(Duration.ofMinutes(1));

        history.streamEnded(null, "the server ended the stream");

        assertThat(history.status(StreamState.RECONNECTING, "").downSince()).isEqualTo(START.plusSeconds(60));
        history.failedForGood(answer(401, "Unauthorized"), "HTTP 401");
        StreamStatus failed = history.status(StreamState.FAILED, "");
        assertThat(failed.httpStatus()).isEqualTo(401);
        assertThat(failed.downSince()).isNull();
        assertThat(history.status(StreamState.STOPPED, "").failure()).isNull();
    }

    private static HttpStatusException answer(int status, String text) {
        return new HttpStatusException("http://127.0.0.1/events", status, text, null, Map.of(), "");
    }

    private static final class SteppingClock extends Clock {
        private Instant now = START;

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
