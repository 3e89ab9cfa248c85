/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.parser;

import java.util.ArrayList;
import java.util.List;

import io.camelsse.component.sse.event.ServerSentEvent;

/**
 * Records everything a parser reports, in order, so whole outcomes can be compared at once. {@link #seen} holds the
 * events without {@link ServerSentEvent#hasOwnId()}, so that expected events can be written with the helpers below;
 * {@link #exact} holds them as reported.
 */
final class Recorder implements EventStreamListener {

    record Retry(long millis) {
    }

    record Comment(String text) {
    }

    final List<Object> seen = new ArrayList<>();
    final List<Object> exact = new ArrayList<>();

    @Override
    public void onEvent(ServerSentEvent event) {
        seen.add(new ServerSentEvent(event.type(), event.data(), event.lastEventId()));
        exact.add(event);
    }

    @Override
    public void onRetry(long reconnectionTimeMillis) {
        add(new Retry(reconnectionTimeMillis));
    }

    @Override
    public void onComment(String comment) {
        add(new Comment(comment));
    }

    /** Records something that is not an event, such as a refusal, in its place in both lists. */
    void add(Object reported) {
        seen.add(reported);
        exact.add(reported);
    }

    List<Boolean> ownIds() {
        return exact.stream().filter(ServerSentEvent.class::isInstance).map(e -> ((ServerSentEvent) e).hasOwnId())
                .toList();
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
