/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelsse.component.sse.connection.ReconnectCause;
import io.camelsse.component.sse.support.ObservedConsumer;
import io.camelsse.component.sse.support.SseComponentSupport;
import io.camelsse.component.sse.support.StreamSnapshot;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code sse} dev console: one row per SSE consumer of the context ({@code sse:}, {@code predicate-sse:},
 * {@code aidenid-sse:}; a {@code predicate-sse:watch} route is one row with its sessions by state). Reads the same
 * {@link StreamSnapshot} as JMX, and holds no secret: URLs are masked as in log lines.
 */
@DevConsole(name = "sse", displayName = "SSE streams", description = "Server-Sent Events streams of the SSE consumers")
public class SseDevConsole extends AbstractDevConsole {

    public SseDevConsole() {
        super("camel", "sse", "SSE streams", "Server-Sent Events streams of the SSE consumers");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        return SseConsoleTable.of(snapshots());
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        JsonArray streams = new JsonArray();
        for (StreamSnapshot s : snapshots()) {
            streams.add(toJson(s));
        }
        root.put("streams", streams);
        return root;
    }

    private List<StreamSnapshot> snapshots() {
        List<StreamSnapshot> snapshots = new ArrayList<>();
        for (Route route : getCamelContext().getRoutes()) {
            if (route.getConsumer() instanceof ObservedConsumer consumer) {
                snapshots.add(consumer.streamSnapshot());
            }
        }
        // the consumers master: wraps, which their routes do not show; only components already in use
        for (String name : getCamelContext().getComponentNames()) {
            if (getCamelContext().hasComponent(name) instanceof SseComponentSupport component) {
                component.wrappedConsumersInView().consumers().forEach(c -> snapshots.add(c.streamSnapshot()));
            }
        }
        return snapshots;
    }

    static JsonObject toJson(StreamSnapshot s) {
        JsonObject row = new JsonObject();
        row.put("routeId", s.routeId());
        row.put("component", s.component());
        row.put("url", s.url());
        row.put("state", s.state().name());
        row.put("lastEventId", s.lastEventId());
        row.put("reconnects", s.reconnects());
        putIfSet(row, "lastError", s.lastError());
        putIfSet(row, "connectedSince", s.connectedSince());
        putIfSet(row, "lastEventAt", s.lastEventAt());
        row.put("eventsDelivered", s.eventsDelivered());
        row.put("bytesRead", s.bytesRead());
        row.put("permanentFailures", s.permanentFailures());
        JsonObject byCause = new JsonObject();
        for (ReconnectCause cause : ReconnectCause.values()) {
            byCause.put(cause.tagValue(), s.reconnectsByCause().getOrDefault(cause, 0L));
        }
        row.put("reconnectsByCause", byCause);
        if (!s.sessions().isEmpty()) {
            JsonObject sessions = new JsonObject();
            for (String state : ObservedConsumer.SESSION_STATES) {
                sessions.put(state, s.sessions().getOrDefault(state, 0L));
            }
            row.put("sessions", sessions);
        }
        return row;
    }

    private static void putIfSet(JsonObject row, String key, Object value) {
        if (value != null) {
            row.put(key, value instanceof Instant instant ? instant.toString() : value);
        }
    }
}
