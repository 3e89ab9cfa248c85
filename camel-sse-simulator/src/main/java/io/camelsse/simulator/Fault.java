/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A misbehaviour of the server, applied to one stream connection (see {@link Faults}). Create them with
 * the static factories; several can be combined on one connection, e.g.
 * {@code sim.faults().nextStream(Fault.oneByteChunks(), Fault.dropAfterEvents(3))}.
 *
 * <p>"Events" counted by the faults are the events a stream would send anyway (the Predicate snapshot and
 * status updates, the AidenID replayed and live events); the events a fault injects itself (malformed,
 * oversized) are not counted. Keep-alive comments are never counted.
 */
public sealed interface Fault {

    // ---- connection drops -------------------------------------------------------------------

    /** Close the TCP connection (without ending the chunked body) once {@code events} events are written; 0 = right after the headers. */
    static Fault dropAfterEvents(int events) {
        return new DropAfterEvents(requireNotNegative(events, "events"));
    }

    /** Write the first half of the first event's bytes, then close the connection. */
    static Fault dropMidEvent() {
        return new DropMidEvent(0);
    }

    /** Write {@code afterEvents} events whole, then the first half of the next event's bytes, then close the connection. */
    static Fault dropMidEvent(int afterEvents) {
        return new DropMidEvent(requireNotNegative(afterEvents, "afterEvents"));
    }

    // ---- slow or odd writes -----------------------------------------------------------------

    /** Right after the response headers, write nothing (no events, no keep-alives) for the duration; held-back events follow afterwards. */
    static Fault stall(Duration duration) {
        return new Stall(0, requirePositive(duration));
    }

    /** Like {@link #stall(Duration)} but starting once {@code afterEvents} events are written. */
    static Fault stallAfterEvents(int afterEvents, Duration duration) {
        return new Stall(requireNotNegative(afterEvents, "afterEvents"), requirePositive(duration));
    }

    /** Write the whole response body one byte at a time (each byte its own HTTP chunk, flushed separately). */
    static Fault oneByteChunks() {
        return new OneByteChunks();
    }

    /**
     * Write the whole response body (events and keep-alives) in pieces of {@link #SLOW_WRITE_PIECE_BYTES} bytes, each
     * its own HTTP chunk, with a pause between one piece being flushed and the next: a slow or congested link.
     */
    static Fault slowWrites(Duration pause) {
        return new SlowWrites(SLOW_WRITE_PIECE_BYTES, requirePositive(pause));
    }

    /** Like {@link #slowWrites(Duration)} with pieces of {@code pieceBytes} bytes. */
    static Fault slowWrites(int pieceBytes, Duration pause) {
        return new SlowWrites(requirePositive(pieceBytes, "pieceBytes"), requirePositive(pause));
    }

    /** Size of the pieces of {@link #slowWrites(Duration)}. */
    int SLOW_WRITE_PIECE_BYTES = 16;

    /** Before the first event, send an extra event whose {@code data} is not valid JSON. */
    static Fault malformedJson() {
        return new MalformedJson(0);
    }

    /** Once {@code afterEvents} events are written, send an extra event whose {@code data} is not valid JSON. */
    static Fault malformedJson(int afterEvents) {
        return new MalformedJson(requireNotNegative(afterEvents, "afterEvents"));
    }

    /** Before the first event, send an extra event whose {@code data} (valid JSON) is {@code bytes + 1} bytes long. */
    static Fault oversizedEvent(int bytes) {
        return new OversizedEvent(requirePositive(bytes, "bytes"), 0);
    }

    /** Once {@code afterEvents} events are written, send an extra event whose {@code data} is {@code bytes + 1} bytes long. */
    static Fault oversizedEvent(int bytes, int afterEvents) {
        return new OversizedEvent(requirePositive(bytes, "bytes"), requireNotNegative(afterEvents, "afterEvents"));
    }

    /** Answer 200 with this {@code Content-Type} instead of {@code text/event-stream} (the body is the usual stream). */
    static Fault contentType(String contentType) {
        return new ContentType(Objects.requireNonNull(contentType, "contentType"));
    }

    // ---- status answers ---------------------------------------------------------------------

    /** Answer with this HTTP status and a JSON error body instead of the stream. Add headers with the {@link Status} methods. */
    static Status status(int code) {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("HTTP status out of range: " + code);
        }
        return new Status(code, null, Map.of());
    }

    /** 500 Internal Server Error. */
    static Status internalServerError() {
        return status(500);
    }

    /** 503 Service Unavailable with {@code Retry-After} in seconds. */
    static Status serviceUnavailable(Duration retryAfter) {
        return status(503).retryAfter(retryAfter);
    }

    /** 204 No Content: the server says the stream is over. */
    static Status noContent() {
        return status(204);
    }

    /** 404 Not Found. */
    static Status notFound() {
        return status(404);
    }

    /** 410 Gone. */
    static Status gone() {
        return status(410);
    }

    /** A redirect (301, 302, 303, 307 or 308) to {@code location}, absolute or relative, written as given. */
    static Status redirect(int code, String location) {
        if (code < 300 || code > 399) {
            throw new IllegalArgumentException("not a redirect status: " + code);
        }
        return status(code).header("Location", Objects.requireNonNull(location, "location"));
    }

    /** A redirect without any {@code Location} header (a broken server). */
    static Status redirectWithoutLocation(int code) {
        if (code < 300 || code > 399) {
            throw new IllegalArgumentException("not a redirect status: " + code);
        }
        return status(code);
    }

    // ---- the kinds --------------------------------------------------------------------------

    /** See {@link Fault#dropAfterEvents(int)}. */
    record DropAfterEvents(int events) implements Fault {
    }

    /** See {@link Fault#dropMidEvent(int)}. */
    record DropMidEvent(int afterEvents) implements Fault {
    }

    /** See {@link Fault#stallAfterEvents(int, Duration)}. */
    record Stall(int afterEvents, Duration duration) implements Fault {
    }

    /** See {@link Fault#oneByteChunks()}. */
    record OneByteChunks() implements Fault {
    }

    /** See {@link Fault#slowWrites(int, Duration)}. */
    record SlowWrites(int pieceBytes, Duration pause) implements Fault {
    }

    /** See {@link Fault#malformedJson(int)}. */
    record MalformedJson(int afterEvents) implements Fault {
    }

    /** See {@link Fault#oversizedEvent(int, int)}. */
    record OversizedEvent(int bytes, int afterEvents) implements Fault {
    }

    /** See {@link Fault#contentType(String)}. */
    record ContentType(String contentType) implements Fault {
    }

    /**
     * An HTTP status answer instead of the stream; the body is JSON with {@code code} and {@code message}
     * unless {@link #body(String)} gives another (an empty body for 204 and the redirects).
     */
    record Status(int code, String body, Map<String, String> headers) implements Fault {

        public Status {
            headers = Map.copyOf(headers);
        }

        /** A copy with {@code Retry-After} in whole seconds (rounded up). */
        public Status retryAfter(Duration delay) {
            long seconds = (Objects.requireNonNull(delay, "delay").toMillis() + 999) / 1000;
            return header("Retry-After", Long.toString(Math.max(0, seconds)));
        }

        /** A copy with {@code Retry-After} in the HTTP-date form (RFC 1123, GMT). */
        public Status retryAfter(Instant when) {
            return header("Retry-After",
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(Objects.requireNonNull(when, "when").atOffset(ZoneOffset.UTC)));
        }

        /** A copy with one more response header (replacing one of the same name). */
        public Status header(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return new Status(code, body, copy);
        }

        /** A copy with this response body (sent as {@code application/json}). */
        public Status body(String body) {
            return new Status(code, Objects.requireNonNull(body, "body"), headers);
        }
    }

    private static int requireNotNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }

    private static int requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    private static Duration requirePositive(Duration d) {
        if (Objects.requireNonNull(d, "duration").isNegative() || d.isZero()) {
            throw new IllegalArgumentException("duration must be positive: " + d);
        }
        return d;
    }
}
