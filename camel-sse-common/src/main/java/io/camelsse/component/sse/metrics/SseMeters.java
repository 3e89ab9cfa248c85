/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.metrics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import io.camelsse.component.sse.connection.ReconnectCause;
import io.camelsse.component.sse.connection.StreamCounters;
import io.camelsse.component.sse.connection.StreamState;
import io.camelsse.component.sse.support.ObservedConsumer;
import io.camelsse.component.sse.support.StreamSnapshot;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import org.apache.camel.CamelContext;

/**
 * The meters of one consumer. Only {@link SseMetrics} calls this class, and only once it knows Micrometer is there.
 * <p>
 * Every meter reads the consumer's {@link StreamCounters} and state when the registry is read: nothing is written to
 * Micrometer on the path of an event. The counters belong to the consumer and survive its reconnects; a route that
 * starts again has a new consumer, whose meters are registered anew and count from zero.
 */
final class SseMeters {

    static final String EVENTS = "camel.sse.events.delivered";
    static final String BYTES = "camel.sse.read";
    static final String RECONNECTS = "camel.sse.reconnects";
    static final String PERMANENT_FAILURES = "camel.sse.permanent.failures";
    static final String STATE = "camel.sse.stream.state";
    static final String LAST_EVENT_AGE = "camel.sse.last.event.age";
    static final String WATCH_SESSIONS = "camel.sse.watch.sessions";

    private SseMeters() {
    }

    static AutoCloseable bind(CamelContext context, ObservedConsumer consumer) {
        MeterRegistry registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        if (registry == null) {
            return SseMetrics.NONE;
        }
        Tags tags = Tags.of("routeId", consumer.getRouteId(), "component", consumer.componentName(),
                "camelContext", context.getName());
        StreamCounters counters = consumer.streamCounters();
        List<Meter> meters = new ArrayList<>();
        meters.add(FunctionCounter.builder(EVENTS, counters, StreamCounters::eventsDelivered)
                .description("Events handed to the route").tags(tags).register(registry));
        meters.add(FunctionCounter.builder(BYTES, counters, StreamCounters::bytesRead)
                .description("Bytes of event-stream bodies read from the server").baseUnit(BaseUnits.BYTES)
                .tags(tags).register(registry));
        for (ReconnectCause cause : ReconnectCause.values()) {
            meters.add(FunctionCounter.builder(RECONNECTS, counters, c -> c.reconnects(cause))
                    .description("Reconnects scheduled, by cause").tags(tags).tag("cause", cause.tagValue())
                    .register(registry));
        }
        meters.add(FunctionCounter.builder(PERMANENT_FAILURES, counters, StreamCounters::permanentFailures)
                .description("Times the stream gave up for good").tags(tags).register(registry));
        for (StreamState state : StreamState.values()) {
            meters.add(Gauge.builder(STATE, consumer, c -> c.streamSnapshot().state() == state ? 1 : 0)
                    .description("1 for the state the stream is in, 0 for the others").tags(tags)
                    .tag("state", state.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        Clock clock = consumer.clock();
        ToDoubleFunction<StreamCounters> age = c -> {
            Double seconds = secondsSince(c, clock);
            return seconds == null ? Double.NaN : seconds;
        };
        meters.add(Gauge.builder(LAST_EVENT_AGE, counters, age)
                .description("Seconds since the last event was handed to the route; NaN before the first")
                .baseUnit("seconds").tags(tags).register(registry));
        if (consumer.hasSessions()) {
            for (String state : ObservedConsumer.SESSION_STATES) {
                meters.add(Gauge.builder(WATCH_SESSIONS, consumer, c -> sessions(c.streamSnapshot(), state))
                        .description("Watched sessions by state (failed: removed after a permanent failure)")
                        .tags(tags).tag("state", state).register(registry));
            }
        }
        return () -> meters.forEach(registry::remove);
    }

    private static Double secondsSince(StreamCounters counters, Clock clock) {
        return counters.lastEventAt() == null ? null
                : (clock.millis() - counters.lastEventAt().toEpochMilli()) / 1000.0;
    }

    private static double sessions(StreamSnapshot snapshot, String state) {
        Long count = snapshot.sessions().get(state);
        return count == null ? 0 : count;
    }
}
