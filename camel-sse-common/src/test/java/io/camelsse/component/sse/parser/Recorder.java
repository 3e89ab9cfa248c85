/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.parser;

import java.util.ArrayList;
import java.util.List;

import io.camelsse.component.sse.event.ServerSentEvent;

/** Records everything a parser reports, in order, so whole outcomes can be compared at once. */
final class Recorder implements EventStreamListener {

    record Retry(long millis) {
    }

    record Comment(String text) {
    }

    final List<Object> seen = new ArrayList<>();

    @Override
    public void onEvent(ServerSentEvent event) {
        seen.add(event);
    }

    @Override
    public void onRetry(long reconnectionTimeMillis) {
        seen.add(new Retry(reconnectionTimeMillis));
    }

    @Override
    public void onComment(String comment) {
        seen.add(new Comment(comment));
    }

    List<ServerSentEvent> events() {
        return seen.stream().filter(ServerSentEvent.class::isInstance).map(ServerSentEvent.class::cast).toList();
    }

    static ServerSentEvent message(String data) {
        return new ServerSentEvent(ServerSentEvent.DEFAULT_TYPE, data, "");
    }

    static ServerSentEvent message(String data, String lastEventId) {
        return new ServerSentEvent(ServerSentEvent.DEFAULT_TYPE, data, lastEventId);
    }

    static ServerSentEvent event(String type, String data, String lastEventId) {
        return new ServerSentEvent(type, data, lastEventId);
    }

    static Retry retry(long millis) {
        return new Retry(millis);
    }

    static Comment comment(String text) {
        return new Comment(text);
    }
}
