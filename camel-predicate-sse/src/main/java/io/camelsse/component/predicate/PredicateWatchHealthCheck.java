/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a watch consumer: the sessions counted by state. DOWN only when there are sessions and the watch has had
 * no connection for {@code unhealthyAfter}: the API is out of reach. Sessions added meanwhile do not start that time
 * again. One session that cannot connect while others can is not the consumer's health (it is reported on its own).
 * <p>
 * While the consumer has not been able to read its set from the repository since it started, it streams nothing,
 * however many sessions the repository holds: that counts as no connection, DOWN once it has lasted
 * {@code unhealthyAfter}, as for the other consumers whose position store cannot be read.
 */
final class PredicateWatchHealthCheck extends AbstractHealthCheck {

    static final String DETAIL_SESSIONS = "watch.sessions";
    static final String DETAIL_CONNECTING = "watch.connecting";
    static final String DETAIL_OPEN = "watch.open";
    static final String DETAIL_RECONNECTING = "watch.reconnecting";
    static final String DETAIL_FAILED = "watch.failed";
    static final String DETAIL_WAITING_FOR_PACE = "watch.waiting.for.pace";
    static final String DETAIL_CONNECTS_PER_SECOND = "watch.connects.per.second";
    static final String DETAIL_HTTP_CLIENTS = "watch.http.clients";
    static final String DETAIL_LOAD_ATTEMPTS = "watch.load.attempts";
    static final String DETAIL_LOAD_ERROR = "watch.load.error";

    private final PredicateWatchConsumer consumer;
    private final Duration unhealthyAfter;
    private final Clock clock;

    PredicateWatchHealthCheck(String id, PredicateWatchConsumer consumer, Duration unhealthyAfter, Clock clock) {
        super("camel", id);
        this.consumer = consumer;
        this.unhealthyAfter = unhealthyAfter;
        this.clock = clock;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        WatchSessionCounts counts = WatchSessionCounts.of(consumer);
        int sessions = counts.sessions();
        int open = counts.open();
        Instant noConnectionSince = counts.noConnectionSince();
        builder.detail(DETAIL_SESSIONS, sessions);
        builder.detail(DETAIL_CONNECTING, counts.connecting());
        builder.detail(DETAIL_OPEN, open);
        builder.detail(DETAIL_RECONNECTING, counts.reconnecting());
        builder.detail(DETAIL_FAILED, counts.failed());
        builder.detail(DETAIL_WAITING_FOR_PACE, consumer.waitingForPace());
        builder.detail(DETAIL_CONNECTS_PER_SECOND, consumer.connectsPerSecond());
        builder.detail(DETAIL_HTTP_CLIENTS, consumer.httpClients());
        builder.detail("route.id", consumer.getRouteId());
        UnreadWatchSet unread = consumer.unread();
        if (unread != null) {
            builder.detail(DETAIL_LOAD_ATTEMPTS, unread.attempts());
            builder.detail(DETAIL_LOAD_ERROR, unread.cause());
            if (lastedUnhealthyAfter(unread.since())) {
                builder.down();
                // the cause in words, not the exception as the check's error: that may quote a connection URL
                builder.message("Watch set '" + consumer.getEndpoint().watchSet().name()
                                + "' could not be read from its repository yet: " + unread.cause()
                                + "; trying again (" + unread.attempts() + " attempts so far)");
            } else {
                builder.up();
            }
            return;
        }
        if (lastedUnhealthyAfter(noConnectionSince)) {
            builder.down();
            builder.message("None of the " + sessions + " watched sessions has had a connection for "
                            + unhealthyAfter.toSeconds() + " s");
        } else {
            builder.up();
        }
    }

    private boolean lastedUnhealthyAfter(Instant since) {
        return since != null && !unhealthyAfter.isZero()
               && Duration.between(since, clock.instant()).compareTo(unhealthyAfter) >= 0;
    }
}
