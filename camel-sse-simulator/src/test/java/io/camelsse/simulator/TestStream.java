/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * A test client for one event stream on a plain socket (so every byte the server wrote before a drop is
 * seen): a thread reads the chunked body and keeps the lines, the parsed events and the comments, and
 * tells a normal end of the body (last chunk) from a dropped connection.
 */
final class TestStream implements AutoCloseable {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** A parsed event. */
    record Event(String type, String id, String retry, String data) {
    }

    private final Socket socket;
    private final InputStream in;
    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> lines = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private final List<Integer> chunkSizes = new ArrayList<>();
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final List<String> block = new ArrayList<>();
    private volatile boolean ended;
    private volatile boolean dropped;

    private TestStream(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        String statusLine = readLine(in);
        if (statusLine == null) {
            throw new IOException("connection closed before the status line");
        }
        this.status = Integer.parseInt(statusLine.split(" ")[1]);
        String h;
        while ((h = readLine(in)) != null && !h.isEmpty()) {
            int c = h.indexOf(':');
            headers.put(h.substring(0, c).trim().toLowerCase(Locale.ROOT), h.substring(c + 1).trim());
        }
        Thread reader = new Thread(this::read, "test-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static TestStream predicate(SseSimulator sim, PredicateSession session) {
        return open(sim, session.path(), "Authorization", "Bearer " + SseSimulator.PREDICATE_API_KEY);
    }

    static TestStream aidenId(SseSimulator sim, String... moreHeaders) {
        List<String> h = new ArrayList<>(List.of("Authorization", "Bearer " + SseSimulator.AIDENID_API_KEY,
                "X-Org-Id", SseSimulator.AIDENID_ORG_ID, "X-Project-Id", SseSimulator.AIDENID_PROJECT_ID));
        h.addAll(List.of(moreHeaders));
        return open(sim, SseSimulator.AIDENID_STREAM_PATH, h.toArray(new String[0]));
    }

    static TestStream open(SseSimulator sim, String path, String... headers) {
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", sim.port()), 5000);
            StringBuilder req = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + sim.port()
                    + "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                req.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            req.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new TestStream(socket);
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
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
        try {
            if (!"chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                byte[] body = in.readNBytes(length);
                onBytes(body, body.length);
                if (body.length == length) {
                    ended = true;
                } else {
                    dropped = true;
                }
                return;
            }
            while (true) {
                String size = readLine(in);
                if (size == null) {
                    dropped = true;
                    return;
                }
                int n = Integer.parseInt(size.trim(), 16);
                if (n == 0) {
                    readLine(in);
                    ended = true;
                    return;
                }
                byte[] data = in.readNBytes(n);
                synchronized (this) {
                    chunkSizes.add(n);
                }
                onBytes(data, data.length);
                if (data.length < n) {
                    dropped = true;
                    return;
                }
                readLine(in);
            }
        } catch (IOException e) {
            dropped = true;
        }
    }

    private synchronized void onBytes(byte[] buf, int n) {
        raw.write(buf, 0, n);
        for (int i = 0; i < n; i++) {
            if (buf[i] == '\n') {
                String l = line.toString(StandardCharsets.UTF_8);
                line.reset();
                onLine(l);
            } else {
                line.write(buf[i]);
            }
        }
    }

    private void onLine(String l) {
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

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.US_ASCII);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return null;
    }

    int status() {
        return status;
    }

    /** A response header (name without case), or null. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
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

    /** The size of each HTTP chunk received. */
    synchronized List<Integer> chunkSizes() {
        return List.copyOf(chunkSizes);
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
        return dropped;
    }

    List<Event> awaitEvents(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> events().size() >= count || ended || dropped);
        List<Event> e = events();
        if (e.size() < count) {
            throw new AssertionError("expected " + count + " events, got " + e + (ended ? " (ended)" : "")
                    + (dropped ? " (dropped)" : ""));
        }
        return e;
    }

    void awaitEnd() {
        await().atMost(Duration.ofSeconds(10)).until(() -> ended || dropped);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
