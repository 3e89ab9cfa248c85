/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import io.vertx.core.buffer.Buffer;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The AidenID side, reached through {@link SseSimulator#aidenId()}: the event log, publishing, and the
 * stream limit. Thread-safe.
 *
 * <p>Every published event gets the next ID ({@code evt_000001}, {@code evt_000002}, ...: the number
 * always increases, the width grows past 999999) and goes to every open stream at once, as
 * {@code event:}, {@code id:}, {@code retry:} (when set) and {@code data:} followed by a blank line. A
 * stream opened with {@code Last-Event-ID} first gets every retained event after that ID, in order, then
 * the live ones; a stream without it, or with an ID the simulator never issued, gets only the events
 * published after it connected. The log retains the most recent
 * {@link SseSimulator.Builder#aidenIdLogCapacity(int)} events.
 */
public final class AidenIdEvents {

    /** The event types the vendor documents. */
    public static final String IDENTITY_CREATED = "identity.created";
    public static final String IDENTITY_EXPIRED = "identity.expired";
    public static final String EXTRACTION_COMPLETED = "extraction.completed";
    public static final String INBOUND_RECEIVED = "inbound.received";

    private static final String ID_PREFIX = "evt_";
    private static final char[] ALPHANUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final Random RANDOM = new SecureRandom();

    /** An event in the log with its sequence number and its encoded bytes. */
    record Logged(long seq, SimulatedAidenIdEvent event, Buffer bytes) {
    }

    private final SseSimulator sim;
    private final Object lock = new Object();
    private final Logged[] ring;
    private long firstSeq = 1;
    private long lastSeq;
    private volatile long retryMillis;
    private volatile int streamLimit;
    private volatile long streamLimitRetryAfterSeconds;

    AidenIdEvents(SseSimulator sim, int capacity) {
        this.sim = sim;
        this.ring = new Logged[capacity];
    }

    // ---- publishing -------------------------------------------------------------------------

    /**
     * Publishes an event of any type with this JSON text as its data (written as given, not checked;
     * a value with line breaks becomes several {@code data:} lines).
     *
     * @return the event's ID
     */
    public String publish(String type, String jsonData) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(jsonData, "jsonData");
        if (type.isEmpty() || type.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("event type must be non-empty without control characters");
        }
        synchronized (lock) {
            long seq = ++lastSeq;
            String id = formatId(seq);
            Buffer bytes = SseFormat.event(type, id, retryMillis, jsonData);
            Logged logged = new Logged(seq, new SimulatedAidenIdEvent(id, type, jsonData), bytes);
            ring[(int) (seq % ring.length)] = logged;
            if (seq - firstSeq >= ring.length) {
                firstSeq = seq - ring.length + 1;
            }
            for (Hub hub : sim.hubs()) {
                hub.enqueue(logged);
            }
            return id;
        }
    }

    /** Publishes an event whose data is this map written as JSON (field order kept for a LinkedHashMap). */
    public String publish(String type, Map<String, ?> data) {
        return publish(type, Json.write(data));
    }

    /** {@code identity.created}: identity_id, email, created_at, expires_at (one hour later). */
    public String publishIdentityCreated(String identityId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("identity_id", identityId);
        m.put("email", identityId + "@inbox.aidenid.com");
        m.put("created_at", now.toString());
        m.put("expires_at", now.plus(Duration.ofHours(1)).toString());
        return publish(IDENTITY_CREATED, m);
    }

    /** {@code identity.expired}: identity_id, expired_at. */
    public String publishIdentityExpired(String identityId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("identity_id", identityId);
        m.put("expired_at", Json.now());
        return publish(IDENTITY_EXPIRED, m);
    }

    /** {@code extraction.completed} of an OTP: type otp, has_secret true, redacted_value ***, confidence 0.99. */
    public String publishExtractionCompleted(String identityId) {
        return publishExtractionCompleted(identityId, "otp", true, 0.99);
    }

    /** {@code extraction.completed}: identity_id, type, has_secret, redacted_value, confidence, extracted_at. */
    public String publishExtractionCompleted(String identityId, String type, boolean hasSecret, double confidence) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("identity_id", identityId);
        m.put("type", type);
        m.put("has_secret", hasSecret);
        m.put("redacted_value", hasSecret ? "***" : null);
        m.put("confidence", confidence);
        m.put("extracted_at", Json.now());
        return publish(EXTRACTION_COMPLETED, m);
    }

    /** {@code inbound.received} of a verification mail from noreply@github.com. */
    public String publishInboundReceived(String identityId) {
        return publishInboundReceived(identityId, "noreply@github.com", "Your verification code");
    }

    /** {@code inbound.received}: identity_id, from, subject, received_at. */
    public String publishInboundReceived(String identityId, String from, String subject) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("identity_id", identityId);
        m.put("from", from);
        m.put("subject", subject);
        m.put("received_at", Json.now());
        return publish(INBOUND_RECEIVED, m);
    }

    /** A fresh identity ID in the vendor's form, e.g. {@code ident_a1b2c3d4e5}. */
    public static String newIdentityId() {
        char[] c = new char[10];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHANUM[RANDOM.nextInt(ALPHANUM.length)];
        }
        return "ident_" + new String(c);
    }

    // ---- the log ----------------------------------------------------------------------------

    /** The retained events, oldest first. */
    public List<SimulatedAidenIdEvent> events() {
        synchronized (lock) {
            List<SimulatedAidenIdEvent> list = new ArrayList<>((int) Math.max(0, lastSeq - firstSeq + 1));
            for (long s = firstSeq; s <= lastSeq; s++) {
                list.add(ring[(int) (s % ring.length)].event());
            }
            return list;
        }
    }

    /** The ID of the last published event, or null when none was published since the last reset. */
    public String lastEventId() {
        synchronized (lock) {
            return lastSeq == 0 ? null : formatId(lastSeq);
        }
    }

    // ---- settings ---------------------------------------------------------------------------

    /** The {@code retry:} value written with each event from now on; null leaves the field out. */
    public AidenIdEvents retry(Duration retry) {
        retryMillis = retry == null ? -1 : retry.toMillis();
        return this;
    }

    /** Concurrent AidenID streams allowed; one more is answered 429 {@code stream_limit_reached}. */
    public AidenIdEvents streamLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        streamLimit = limit;
        return this;
    }

    public int streamLimit() {
        return streamLimit;
    }

    /** The {@code Retry-After} (whole seconds) of the 429 answer. */
    public AidenIdEvents streamLimitRetryAfter(Duration retryAfter) {
        streamLimitRetryAfterSeconds = Math.max(0, (retryAfter.toMillis() + 999) / 1000);
        return this;
    }

    long streamLimitRetryAfterSeconds() {
        return streamLimitRetryAfterSeconds;
    }

    // ---- internals --------------------------------------------------------------------------

    /** Registers a new stream and writes what it must replay. On the stream's event loop. */
    void attach(SimulatedStream stream, String lastEventId) {
        List<Logged> replay = List.of();
        synchronized (lock) {
            long after = lastEventId == null ? -1 : parseSeq(lastEventId);
            if (after >= 0 && after < lastSeq) {
                long from = Math.max(after + 1, firstSeq);
                replay = new ArrayList<>((int) (lastSeq - from + 1));
                for (long s = from; s <= lastSeq; s++) {
                    replay.add(ring[(int) (s % ring.length)]);
                }
            }
            stream.lastSeq = lastSeq;
        }
        stream.sendReplay(replay);
    }

    void reset(SseSimulator.Builder config) {
        synchronized (lock) {
            java.util.Arrays.fill(ring, null);
            firstSeq = 1;
            lastSeq = 0;
        }
        retry(config.aidenIdRetry);
        streamLimit(config.aidenIdStreamLimit);
        streamLimitRetryAfter(config.aidenIdStreamLimitRetryAfter);
    }

    static String formatId(long seq) {
        String digits = Long.toString(seq);
        if (digits.length() >= 6) {
            return ID_PREFIX + digits;
        }
        return ID_PREFIX + "000000".substring(digits.length()) + digits;
    }

    /** The sequence number of an ID this simulator issued, or -1. */
    static long parseSeq(String id) {
        String s = id.trim();
        if (!s.startsWith(ID_PREFIX) || s.length() == ID_PREFIX.length() || s.length() > ID_PREFIX.length() + 18) {
            return -1;
        }
        for (int i = ID_PREFIX.length(); i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(s.substring(ID_PREFIX.length()));
    }
}
