/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.health;

import java.util.Map;

import io.camelsse.component.sse.connection.EventIds;
import io.camelsse.component.sse.connection.StreamState;
import io.camelsse.component.sse.connection.StreamStatus;
import io.camelsse.component.sse.support.SseConsumerSupport;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of one SSE consumer: UP while connected or reconnecting as usual, DOWN after a permanent failure, with the
 * error and its HTTP status. The details hold the state, the last event ID (shortened when long), the reconnect
 * count, the time of the last connect and, while waiting to reconnect, when the next attempt is due; never a secret:
 * the URL is shown masked and no request header is shown at all.
 */
public class SseConsumerHealthCheck extends AbstractHealthCheck {

    public static final String DETAIL_STATE = "sse.state";
    public static final String DETAIL_LAST_EVENT_ID = "sse.last.event.id";
    public static final String DETAIL_RECONNECT_COUNT = "sse.reconnect.count";
    public static final String DETAIL_LAST_CONNECTED = "sse.last.connected";
    public static final String DETAIL_URL = "sse.url";
    public static final String DETAIL_LAST_ERROR = "sse.last.error";
    public static final String DETAIL_NEXT_ATTEMPT = "sse.next.attempt";

    private final SseConsumerSupport consumer;

    public SseConsumerHealthCheck(SseConsumerSupport consumer, String id) {
        super("camel", id);
        this.consumer = consumer;
    }

    @Override
    public boolean isLiveness() {
        // a stream that cannot connect says nothing about whether the JVM should be restarted
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        StreamStatus status = consumer.streamStatus();
        if (status == null) {
            builder.up();
            builder.detail(DETAIL_STATE, StreamState.NEW.name());
            return;
        }
        builder.detail(DETAIL_STATE, status.state().name());
        builder.detail(DETAIL_LAST_EVENT_ID, EventIds.forDisplay(status.lastEventId()));
        builder.detail(DETAIL_RECONNECT_COUNT, status.reconnectCount());
        if (status.lastConnected() != null) {
            builder.detail(DETAIL_LAST_CONNECTED, status.lastConnected().toString());
        }
        if (status.nextAttemptAt() != null) {
            builder.detail(DETAIL_NEXT_ATTEMPT, status.nextAttemptAt().toString());
        }
        builder.detail(DETAIL_URL, consumer.streamDisplayUri());
        if (consumer.getRouteId() != null) {
            builder.detail("route.id", consumer.getRouteId());
        }
        if (status.state() == StreamState.FAILED) {
            builder.down();
            builder.message("The stream failed for good; restart the route once the cause is fixed");
            if (status.failure() != null) {
                builder.error(status.failure());
            }
            if (status.httpStatus() > 0) {
                builder.detail(HealthCheck.HTTP_RESPONSE_CODE, status.httpStatus());
            }
        } else {
            builder.up();
            if (status.failure() != null) {
                // why the stream is reconnecting: transient, so UP, but worth seeing
                builder.detail(DETAIL_LAST_ERROR, String.valueOf(status.failure().getMessage()));
            }
        }
    }
}
