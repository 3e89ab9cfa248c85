/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.console;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.camelsse.component.sse.support.ObservedConsumer;
import io.camelsse.component.sse.support.StreamSnapshot;

/** The text form of the console: a header line and one row per stream, columns padded to their widest cell. */
final class SseConsoleTable {

    private static final String[] HEADER = {
            "ROUTE", "COMPONENT", "STATE", "CONNECTED SINCE", "LAST EVENT ID", "EVENTS", "RECONNECTS", "URL",
            "LAST ERROR" };

    private SseConsoleTable() {
    }

    static String of(List<StreamSnapshot> snapshots) {
        if (snapshots.isEmpty()) {
            return "No SSE consumers\n";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (StreamSnapshot s : snapshots) {
            rows.add(new String[] {
                    s.routeId(), s.component(), state(s), time(s.connectedSince()), orDash(s.lastEventId()),
                    Long.toString(s.eventsDelivered()), Long.toString(s.reconnects()), orDash(s.url()),
                    orDash(oneLine(s.lastError())) });
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    private static String state(StreamSnapshot s) {
        if (s.sessions().isEmpty()) {
            return s.state().name();
        }
        // a watch route: its sessions by state say more than one state could
        return s.state().name() + " (" + ObservedConsumer.SESSION_STATES.stream()
                .map(state -> state + " " + s.sessions().getOrDefault(state, 0L))
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String time(Instant instant) {
        return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String orDash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }

    private static String oneLine(String value) {
        return value == null ? null : value.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static String pad(String value, int width) {
        return value.length() >= width ? value : value + " ".repeat(width - value.length());
    }
}
