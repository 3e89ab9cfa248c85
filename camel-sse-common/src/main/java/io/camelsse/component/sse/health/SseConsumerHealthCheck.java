/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.health;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.camelsse.component.sse.connection.EventIds;
import io.camelsse.component.sse.connection.StreamState;
import io.camelsse.component.sse.connection.StreamStatus;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of one SSE consumer: UP while connected, or reconnecting for less than {@code unhealthyAfter}; DOWN after a
 * permanent failure, with the error and its HTTP status, DOWN once the server ended the stream (204), and DOWN while
 * the stream has had no connection for {@code unhealthyAfter} (one that never connected since its start included),
 * until it connects again. A stream its consumer closed after a final event (Predicate's outcome) stays UP. The details
 * hold the state, the last event ID (shortened when long), the reconnect count, the time of the last connect, the last
 * error in words, since when the stream has been down and, while waiting to reconnect, when the next attempt is due;
 * never a secret: the URL is shown masked and no request header is shown at all.
 */
public class SseConsumerHealthCheck extends AbstractHealthCheck {

    public static final String DETAIL_STATE = "sse.state";
    public static final String DETAIL_LAST_EVENT_ID = "sse.last.event.id";
    public static final String DETAIL_RECONNECT_COUNT = "sse.reconnect.count";
    public static final String DETAIL_LAST_CONNECTED = "sse.last.connected";
    public static final String DETAIL_URL = "sse.url";
    public static final String DETAIL_LAST_ERROR = "sse.last.error";
    public static final String DETAIL_NEXT_ATTEMPT = "sse.next.attempt";
    public static final String DETAIL_DOWN_SINCE = "sse.down.since";
    public static final String DETAIL_FAILED_ATTEMPTS = "sse.failed.attempts";

    private final Supplier<StreamStatus> status;
    private final Supplier<String> displayUri;
    private final String routeId;
    private final Duration unhealthyAfter;
    private final Clock clock;

    /**
     * @param status         the stream's state now; null before it first started
     * @param displayUri     the stream's URL with secrets masked
     * @param unhealthyAfter how long a stream may be without a connection before it counts as DOWN; zero: never
     */
    public SseConsumerHealthCheck(String id, Supplier<StreamStatus> status, Supplier<String> displayUri,
                                  String routeId, Duration unhealthyAfter, Clock clock) {
        super("camel", id);
        this.status = status;
        this.displayUri = displayUri;
        this.routeId = routeId;
        this.unhealthyAfter = unhealthyAfter;
        this.clock = clock;
    }

    @Override
    public boolean isLiveness() {
        // a stream that cannot connect says nothing about whether the JVM should be restarted
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        StreamStatus now = status.get();
        if (now == null) {
            builder.up();
            builder.detail(DETAIL_STATE, StreamState.NEW.name());
            return;
        }
        details(builder, now);
        Duration down = now.downSince() == null ? null : Duration.between(now.downSince(), clock.instant());
        if (now.state() == StreamState.FAILED) {
            builder.down();
            builder.message("The stream failed for good: " + now.lastError()
                            + "; restart the route once the cause is fixed");
            if (now.failure() != null) {
                builder.error(now.failure());
            }
            if (now.httpStatus() > 0) {
                builder.detail(HealthCheck.HTTP_RESPONSE_CODE, now.httpStatus());
            }
        } else if (now.state() == StreamState.CLOSED && now.endedByServer()) {
            // over, though not failed: nothing comes any more, which is what readiness is about
            builder.down();
            builder.message("The server ended the stream (204 No Content): no further request until the route is"
                            + " restarted");
        } else if (down != null && !unhealthyAfter.isZero() && down.compareTo(unhealthyAfter) >= 0) {
            builder.down();
            builder.message("No connection to " + displayUri.get() + " for " + seconds(down)
                            + (now.lastError() == null ? "" : ": " + now.lastError())
                            + "; still trying (" + now.failedAttempts() + " attempts so far)");
        } else {
            builder.up();
        }
    }

    private void details(HealthCheckResultBuilder builder, StreamStatus now) {
        builder.detail(DETAIL_STATE, now.state().name());
        builder.detail(DETAIL_LAST_EVENT_ID, EventIds.forDisplay(now.lastEventId()));
        builder.detail(DETAIL_RECONNECT_COUNT, now.reconnectCount());
        if (now.lastConnected() != null) {
            builder.detail(DETAIL_LAST_CONNECTED, now.lastConnected().toString());
        }
        if (now.lastError() != null) {
            builder.detail(DETAIL_LAST_ERROR, now.lastError());
        }
        if (now.downSince() != null) {
            builder.detail(DETAIL_DOWN_SINCE, now.downSince().toString());
            builder.detail(DETAIL_FAILED_ATTEMPTS, now.failedAttempts());
        }
        if (now.nextAttemptAt() != null) {
            builder.detail(DETAIL_NEXT_ATTEMPT, now.nextAttemptAt().toString());
        }
        builder.detail(DETAIL_URL, displayUri.get());
        if (routeId != null) {
            builder.detail("route.id", routeId);
        }
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
