/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.benchmarks.latency;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import com.launchdarkly.eventsource.EventSource;
import com.launchdarkly.eventsource.MessageEvent;
import io.camelsse.benchmarks.simulator.SimulatorLoadServer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Per-event latency at a steady rate: how long after a server on 127.0.0.1 wrote an event a Camel route sees it. Two
 * readers in one JVM, on one clock ({@link System#nanoTime()}), fed by the same writer thread at the same moments:
 * <ul>
 * <li>{@code sse}: a route {@code from("sse:...")};</li>
 * <li>{@code okhttp}: okhttp-eventsource 4.3.0 on its own thread, sending each event's data with a
 * {@code ProducerTemplate} into a {@code direct:} route with the same processor: what a route without this component
 * would do.</li>
 * </ul>
 * The server is a plain socket: it takes each event's timestamp just before it writes that event (one HTTP chunk, one
 * {@code write}, TCP_NODELAY) and puts it in the event's data; the route's processor subtracts it from the time it
 * sees the event. The writer paces itself by absolute due times, so the rate holds on average even when a wake-up is
 * late; which stream is written first alternates from event to event. Latencies after the warm-up go into HdrHistograms,
 * one per measured round, and into one for all rounds. Stops by itself after warm-up plus rounds.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.camelsse.benchmarks.latency.EventLatencyBenchmark \
 *     [--rate 10000] [--warmup 10s] [--rounds 3] [--duration 10s] [--readers sse,okhttp]
 *     [--sse-options dedicatedHttpClient=true]
 * </pre>
 * {@code --sse-options} are appended to the {@code sse:} endpoint URI as its query.
 */
public final class EventLatencyBenchmark {

    private static final int EVENT_BYTES = 100;

    private EventLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = 10_000;
        Duration warmup = Duration.ofSeconds(10);
        Duration roundLength = Duration.ofSeconds(10);
        int rounds = 3;
        List<String> readers = List.of("sse", "okhttp");
        String sseOptions = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = SimulatorLoadServer.parseDuration(args[++i]);
                case "--duration" -> roundLength = SimulatorLoadServer.parseDuration(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--readers" -> readers = List.of(args[++i].split(","));
                case "--sse-options" -> sseOptions = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "JVM %s %s, %d processors; %,d events/s of %d bytes to each of %s; warm-up %d s, "
                + "%d rounds of %d s%s%n", System.getProperty("java.vm.name"), Runtime.version(),
                Runtime.getRuntime().availableProcessors(), rate, EVENT_BYTES, readers, warmup.toSeconds(), rounds,
                roundLength.toSeconds(), sseOptions.isEmpty() ? "" : "; sse: options " + sseOptions);
        String sseQuery = sseOptions.isEmpty() ? "" : "?" + sseOptions;

        Map<String, Reader> byName = new ConcurrentHashMap<>();
        for (String name : readers) {
            byName.put(name, new Reader(name));
        }
        try (TimestampingServer server = new TimestampingServer(readers)) {
            String base = "http://127.0.0.1:" + server.port();
            CamelContext camel = new DefaultCamelContext();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    if (byName.containsKey("sse")) {
                        from("sse:" + base + "/sse" + sseQuery).routeId("sse").process(byName.get("sse").recordLatency());
                    }
                    if (byName.containsKey("okhttp")) {
                        from("direct:okhttp").routeId("okhttp").process(byName.get("okhttp").recordLatency());
                    }
                }
            });
            camel.start();
            Thread okhttpReader = null;
            EventSource okhttpSource = null;
            if (byName.containsKey("okhttp")) {
                okhttpSource = new EventSource.Builder(URI.create(base + "/okhttp")).build();
                okhttpSource.start();
                okhttpReader = okhttpIntoRoute(okhttpSource, camel.createProducerTemplate());
            }
            server.awaitStreams(Duration.ofSeconds(20));

            long intervalNanos = 1_000_000_000L / rate;
            long start = System.nanoTime();
            long warmupEnd = start + warmup.toNanos();
            long end = warmupEnd + roundLength.toNanos() * rounds;
            Thread writer = new Thread(() -> server.writeEvents(start, intervalNanos, end), "event-writer");
            writer.setPriority(Thread.MAX_PRIORITY);
            writer.start();

            sleepUntil(warmupEnd);
            byName.values().forEach(Reader::startRound);
            Map<String, List<Histogram>> roundsByReader = new ConcurrentHashMap<>();
            for (int r = 1; r <= rounds; r++) {
                sleepUntil(warmupEnd + roundLength.toNanos() * r);
                for (String name : readers) {
                    Histogram round = byName.get(name).endRound();
                    roundsByReader.computeIfAbsent(name, n -> new ArrayList<>()).add(round);
                    System.out.printf(Locale.ROOT, "round %d %-7s %s%n", r, name, summary(round));
                }
            }
            writer.join(TimeUnit.SECONDS.toMillis(10));
            // the last events written may still be on their way: give them a moment, then count
            Thread.sleep(500);

            System.out.printf(Locale.ROOT, "written per stream: %,d events (%,d during warm-up)%n",
                    server.written(), server.writtenBefore(warmupEnd));
            for (String name : readers) {
                Reader reader = byName.get(name);
                Histogram all = new Histogram(3);
                roundsByReader.get(name).forEach(all::add);
                System.out.printf(Locale.ROOT, "ALL %-7s %s; received %,d%n", name, summary(all), reader.received.sum());
            }
            if (readers.contains("sse") && readers.contains("okhttp")) {
                double[] p50Ratio = ratios(roundsByReader, 50);
                double[] p99Ratio = ratios(roundsByReader, 99);
                System.out.printf(Locale.ROOT, "SUMMARY %s: sse p50 median %.0f us, okhttp+template p50 median %.0f us; "
                        + "sse p99 median %.0f us, okhttp+template p99 median %.0f us; sse/okhttp p50 %.2f, p99 %.2f "
                        + "(medians over %d rounds)%n", Runtime.version().feature(),
                        medianPercentile(roundsByReader.get("sse"), 50), medianPercentile(roundsByReader.get("okhttp"), 50),
                        medianPercentile(roundsByReader.get("sse"), 99), medianPercentile(roundsByReader.get("okhttp"), 99),
                        median(p50Ratio), median(p99Ratio), rounds);
            }
            if (okhttpSource != null) {
                okhttpReader.interrupt();
                okhttpSource.close();
            }
            camel.close();
        }
        System.exit(0);
    }

    private static Thread okhttpIntoRoute(EventSource source, ProducerTemplate template) {
        Thread reader = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    MessageEvent event = source.readMessage();
                    template.sendBodyAndHeaders("direct:okhttp", event.getData(),
                            Map.of("CamelSseEventType", event.getEventName(), "CamelSseEventId",
                                    event.getLastEventId() == null ? "" : event.getLastEventId()));
                }
            } catch (Exception stopped) {
                // closing the source at the end ends the read
            }
        }, "okhttp-reader");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** Latencies one reader saw, in nanoseconds; the processor records from whichever thread routes the event. */
    private static final class Reader {
        final String name;
        final Recorder latencies = new Recorder(3);
        final LongAdder received = new LongAdder();

        Reader(String name) {
            this.name = name;
        }

        Processor recordLatency() {
            return exchange -> {
                long seen = System.nanoTime();
                String data = exchange.getMessage().getBody(String.class);
                long written = Long.parseLong(data, 0, data.indexOf(' '), 10);
                latencies.recordValue(Math.max(0, seen - written));
                received.increment();
            };
        }

        void startRound() {
            latencies.getIntervalHistogram();
        }

        Histogram endRound() {
            return latencies.getIntervalHistogram();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A minimal event-stream server: one HTTP/1.1 response per path, chunked, kept open; a single writer thread
     * writes every event to every stream.
     */
    private static final class TimestampingServer implements AutoCloseable {
        private final ServerSocket serverSocket;
        private final List<String> paths;
        private final Map<String, OutputStream> streams = new ConcurrentHashMap<>();
        private final Thread acceptor;
        private volatile long written;
        private volatile long writtenAtWarmupEnd = -1;
        private volatile long startNanos;
        private volatile long intervalNanos;

        TimestampingServer(List<String> paths) throws IOException {
            this.paths = paths;
            serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(this::accept, "event-server-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return serverSocket.getLocalPort();
        }

        private void accept() {
            while (!serverSocket.isClosed()) {
                try {
                    Socket socket = serverSocket.accept();
                    socket.setTcpNoDelay(true);
                    String path = requestPath(socket.getInputStream());
                    OutputStream out = socket.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk(": open\n\n".getBytes(StandardCharsets.US_ASCII)));
                    out.flush();
                    streams.put(path.substring(1), out);
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private static String requestPath(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (head.indexOf("\r\n\r\n") < 0) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("the client closed before its request was complete");
                }
                head.append((char) b);
            }
            String requestLine = head.substring(0, head.indexOf("\r\n"));
            return requestLine.split(" ")[1];
        }

        void awaitStreams(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!streams.keySet().containsAll(paths)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + streams.keySet() + " of " + paths + " connected");
                }
                Thread.sleep(10);
            }
        }

        void writeEvents(long start, long interval, long end) {
            startNanos = start;
            intervalNanos = interval;
            OutputStream[] outs = paths.stream().map(streams::get).toArray(OutputStream[]::new);
            byte[] padding = "x".repeat(EVENT_BYTES).getBytes(StandardCharsets.US_ASCII);
            long sequence = 0;
            try {
                while (true) {
                    long due = start + sequence * interval;
                    if (due >= end) {
                        return;
                    }
                    long now = System.nanoTime();
                    if (now < due) {
                        // parking wakes some 50 us late on Linux; the next due time is absolute, so that is made up
                        LockSupport.parkNanos(due - now);
                        continue;
                    }
                    for (int k = 0; k < outs.length; k++) {
                        // alternate who goes first, so that neither reader is always the second to be written
                        OutputStream out = outs[(int) ((k + sequence) % outs.length)];
                        out.write(chunk(event(System.nanoTime(), sequence, padding)));
                        out.flush();
                    }
                    sequence++;
                    written = sequence;
                }
            } catch (IOException e) {
                throw new IllegalStateException("a reader went away after " + sequence + " events", e);
            }
        }

        /** {@code data: <nanoTime> <sequence> xxx...}, padded to {@value #EVENT_BYTES} bytes with the blank line. */
        private static byte[] event(long nanoTime, long sequence, byte[] padding) {
            byte[] head = ("data: " + nanoTime + " " + sequence + " ").getBytes(StandardCharsets.US_ASCII);
            byte[] event = Arrays.copyOf(head, EVENT_BYTES);
            System.arraycopy(padding, 0, event, head.length, EVENT_BYTES - head.length - 2);
            event[EVENT_BYTES - 2] = '\n';
            event[EVENT_BYTES - 1] = '\n';
            return event;
        }

        private static byte[] chunk(byte[] data) {
            byte[] size = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] chunk = new byte[size.length + data.length + 2];
            System.arraycopy(size, 0, chunk, 0, size.length);
            System.arraycopy(data, 0, chunk, size.length, data.length);
            chunk[chunk.length - 2] = '\r';
            chunk[chunk.length - 1] = '\n';
            return chunk;
        }

        long written() {
            return written;
        }

        long writtenBefore(long nanos) {
            return intervalNanos == 0 ? 0 : Math.max(0, (nanos - startNanos + intervalNanos - 1) / intervalNanos);
        }

        @Override
        public void close() throws IOException {
            serverSocket.close();
            for (OutputStream out : streams.values()) {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // already gone
                }
            }
        }
    }

    private static String summary(Histogram h) {
        return String.format(Locale.ROOT, "n=%,d p50 %,.0f us, p90 %,.0f us, p99 %,.0f us, p99.9 %,.0f us, max %,.0f us",
                h.getTotalCount(), h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3,
                h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
    }

    private static double medianPercentile(List<Histogram> rounds, double percentile) {
        return median(rounds.stream().mapToDouble(h -> h.getValueAtPercentile(percentile) / 1e3).toArray());
    }

    private static double[] ratios(Map<String, List<Histogram>> rounds, double percentile) {
        List<Histogram> sse = rounds.get("sse");
        List<Histogram> okhttp = rounds.get("okhttp");
        double[] ratios = new double[sse.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = (double) sse.get(i).getValueAtPercentile(percentile) / okhttp.get(i).getValueAtPercentile(percentile);
        }
        return ratios;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, 100_000_000L));
        }
    }
}
