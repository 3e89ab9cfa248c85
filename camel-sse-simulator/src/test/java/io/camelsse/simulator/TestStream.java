/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * A test client for one event stream on the JDK HttpClient: a thread reads the body and keeps the
 * lines, the parsed events and the comments; it tells a normal end of the body from a dropped one.
 */
final class TestStream implements AutoCloseable {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** A parsed event. */
    record Event(String type, String id, String retry, String data) {
    }

    private final HttpResponse<InputStream> response;
    private final List<String> lines = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private volatile boolean ended;
    private volatile IOException failure;
    private final Thread reader;

    private TestStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "test-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static TestStream predicate(SseSimulator sim, PredicateSession session) {
        return open(session.url(), "Authorization", "Bearer " + SseSimulator.PREDICATE_API_KEY);
    }

    static TestStream aidenId(SseSimulator sim, String... moreHeaders) {
        List<String> h = new ArrayList<>(List.of("Authorization", "Bearer " + SseSimulator.AIDENID_API_KEY,
                "X-Org-Id", SseSimulator.AIDENID_ORG_ID, "X-Project-Id", SseSimulator.AIDENID_PROJECT_ID));
        h.addAll(List.of(moreHeaders));
        return open(sim.aidenIdStreamUrl(), h.toArray(new String[0]));
    }

    static TestStream open(String url, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET().header("Accept", "text/event-stream");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return new TestStream(CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A plain request whose whole body is read as a string. */
    static HttpResponse<String> get(String url, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET().timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void read() {
        try (InputStream in = response.body()) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            List<String> block = new ArrayList<>();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) != -1) {
                synchronized (this) {
                    raw.write(buf, 0, n);
                }
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        String l = line.toString(StandardCharsets.UTF_8);
                        line.reset();
                        onLine(l, block);
                    } else {
                        line.write(buf[i]);
                    }
                }
            }
            ended = true;
        } catch (IOException e) {
            failure = e;
        }
    }

    private void onLine(String l, List<String> block) {
        synchronized (this) {
            lines.add(l);
            if (l.isEmpty()) {
                String type = null;
                String id = null;
                String retry = null;
                StringBuilder data = null;
                for (String f : block) {
                    int c = f.indexOf(':');
                    String name = c < 0 ? f : f.substring(0, c);
                    String value = c < 0 ? "" : f.substring(c + 1);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    switch (name) {
                        case "event" -> type = value;
                        case "id" -> id = value;
                        case "retry" -> retry = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> {
                        }
                    }
                }
                if (data != null) {
                    events.add(new Event(type, id, retry, data.toString()));
                }
                block.clear();
            } else if (l.startsWith(":")) {
                comments.add(l);
            } else {
                block.add(l);
            }
        }
    }

    int status() {
        return response.statusCode();
    }

    HttpHeaders headers() {
        return response.headers();
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    synchronized List<String> data() {
        return events.stream().map(Event::data).toList();
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized List<String> comments() {
        return List.copyOf(comments);
    }

    synchronized String rawText() {
        return raw.toString(StandardCharsets.UTF_8);
    }

    /** The body ended normally (the server finished the response). */
    boolean ended() {
        return ended;
    }

    /** The body broke off (the server dropped the connection). */
    boolean dropped() {
        return failure != null;
    }

    List<Event> awaitEvents(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> events().size() >= count || ended || failure != null);
        List<Event> e = events();
        if (e.size() < count) {
            throw new AssertionError("expected " + count + " events, got " + e + (ended ? " (ended)" : "")
                    + (failure != null ? " (dropped: " + failure + ")" : ""));
        }
        return e;
    }

    void awaitEnd() {
        await().atMost(Duration.ofSeconds(10)).until(() -> ended || failure != null);
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
