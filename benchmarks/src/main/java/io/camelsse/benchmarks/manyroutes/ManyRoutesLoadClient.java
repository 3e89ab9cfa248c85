/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.benchmarks.manyroutes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelsse.benchmarks.route.NoIoComponent;
import io.camelsse.benchmarks.simulator.SimulatorLoadServer;
import io.camelsse.simulator.SseSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Many {@code sse:} routes on one simulator: for each N, a fresh JVM (so that no thread or client of the previous N is
 * counted) starts N routes on the simulator's AidenID stream, then measures how long starting them takes, when the
 * simulator has all N streams open, live threads while idle and while one event fans out to all N, heap after GC, and
 * how long one event takes to reach all N routes. Prints one {@code SUMMARY} line per N, then all of them again.
 *
 * <p>The simulator runs in another JVM (one process holds at most about 20,000 file descriptors here, and 10,000
 * streams need 10,000 on each side), standalone, with no demo publisher:
 *
 * <pre>
 * timeout 30m java -jar camel-sse-simulator/target/camel-sse-simulator-1.0.0-SNAPSHOT-standalone.jar --port 8090 --no-demo
 * java -cp benchmarks/target/benchmarks.jar io.camelsse.benchmarks.manyroutes.ManyRoutesLoadClient \
 *     --port 8090 [--routes 1000,5000,10000] [--headers option|uri] [--fanouts 3] [--time-limit 5m] [--camel-only]
 * </pre>
 *
 * {@code --headers option} (the default) gives the AidenID headers with the {@code requestHeaders} option,
 * {@code --headers uri} as {@code header.Authorization=...&header.X-Org-Id=...&header.X-Project-Id=...}. The tool
 * publishes the events itself through the simulator's admin API, and talks to it over plain sockets, so that it adds
 * no thread of its own to the counts; they include the tool's {@code main} and {@code time-limit} threads. With
 * {@code --camel-only} the N routes start from {@code noio:} endpoints instead (no simulator needed): Camel's own share
 * of the start-up time and heap. Each N's JVM stops by itself after {@code --time-limit}; the JVM options given to
 * this one (such as {@code -Xmx}) are passed on to it.
 */
public final class ManyRoutesLoadClient {

    private static final Pattern OPEN_STREAMS = Pattern.compile("\"stats\"\\s*:\\s*\\{[^}]*\"openStreams\"\\s*:\\s*(\\d+)");
    private static final String SUMMARY = "SUMMARY";

    private ManyRoutesLoadClient() {
    }

    public static void main(String[] args) throws Exception {
        int port = 8090;
        List<Integer> routeCounts = List.of(1_000, 5_000, 10_000);
        String headers = "option";
        int fanouts = 3;
        boolean camelOnly = false;
        Duration timeLimit = Duration.ofMinutes(5);
        Integer single = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--routes" -> routeCounts = Arrays.stream(args[++i].split(",")).map(String::trim)
                        .map(Integer::parseInt).toList();
                case "--headers" -> headers = args[++i];
                case "--fanouts" -> fanouts = Integer.parseInt(args[++i]);
                case "--time-limit" -> timeLimit = SimulatorLoadServer.parseDuration(args[++i]);
                case "--single" -> single = Integer.parseInt(args[++i]);
                case "--camel-only" -> camelOnly = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!headers.equals("option") && !headers.equals("uri")) {
            throw new IllegalArgumentException("--headers is option or uri, not " + headers);
        }
        if (fanouts < 1) {
            // the summary quotes the median of the fan-outs, which needs one
            throw new IllegalArgumentException("--fanouts must be at least 1, not " + fanouts);
        }
        if (single != null) {
            Run run = new Run(port, single, headers, fanouts, camelOnly);
            long timeLimitMillis = timeLimit.toMillis();
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(timeLimitMillis);
                } catch (InterruptedException done) {
                    return;
                }
                System.out.printf(Locale.ROOT, "%s N=%d: gave up after the time limit; %s%n", SUMMARY, run.routes,
                        run.progress());
                Runtime.getRuntime().halt(2);
            }, "time-limit");
            watchdog.setDaemon(true);
            watchdog.start();
            try {
                run.execute();
            } catch (Exception | Error failed) {
                failed.printStackTrace();
                System.out.printf(Locale.ROOT, "%s N=%d: failed (%s); %s%n", SUMMARY, run.routes, failed, run.progress());
                System.exit(1);
            }
            System.exit(0);
        }
        List<String> summaries = new ArrayList<>();
        for (int n : routeCounts) {
            summaries.add(runInOwnJvm(n, port, headers, fanouts, camelOnly, timeLimit));
        }
        System.out.println();
        summaries.forEach(System.out::println);
    }

    private static String runInOwnJvm(int n, int port, String headers, int fanouts, boolean camelOnly, Duration timeLimit)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ManyRoutesLoadClient.class.getName(),
                "--single", String.valueOf(n), "--port", String.valueOf(port), "--headers", headers, "--fanouts",
                String.valueOf(fanouts), "--time-limit", timeLimit.toSeconds() + "s"));
        if (camelOnly) {
            command.add("--camel-only");
        }
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String summary = SUMMARY + " N=" + n + ": no summary (the run failed; see its output above)";
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.println(line);
                if (line.startsWith(SUMMARY)) {
                    summary = line;
                }
            }
        }
        if (!child.waitFor(timeLimit.toSeconds() + 30, TimeUnit.SECONDS)) {
            child.destroyForcibly();
        }
        return summary;
    }

    /** One N in this JVM. */
    private static final class Run {
        final int port;
        final int routes;
        final String headers;
        final int fanouts;
        final boolean camelOnly;
        final AtomicLong received = new AtomicLong();
        final LongAccumulator lastArrival = new LongAccumulator(Math::max, Long.MIN_VALUE);
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        volatile String stage = "starting";

        Run(int port, int routes, String headers, int fanouts, boolean camelOnly) {
            this.camelOnly = camelOnly;
            this.port = port;
            this.routes = routes;
            this.headers = headers;
            this.fanouts = fanouts;
        }

        String progress() {
            return "stage: " + stage + ", " + received.get() + " events received";
        }

        void execute() throws Exception {
            if (camelOnly) {
                executeCamelOnly();
                return;
            }
            awaitOpenStreams(0, Duration.ofSeconds(60), "the previous run's streams to close");
            int threadsBefore = threads.getThreadCount();
            String uri = routeUri();
            System.out.printf(Locale.ROOT, "N=%d on %s %s: %d live threads before Camel; routes like %s%n", routes,
                    System.getProperty("java.vm.name"), Runtime.version(), threadsBefore,
                    uri.replace("{i}", "0").replaceAll("Bearer [^,)]*", "Bearer ***"));

            CamelContext camel = new DefaultCamelContext();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    for (int i = 0; i < routes; i++) {
                        from(uri.replace("{i}", String.valueOf(i))).routeId("stream-" + i)
                                .process(exchange -> {
                                    received.incrementAndGet();
                                    lastArrival.accumulate(System.nanoTime());
                                });
                    }
                }
            });
            stage = "camel.start()";
            long startBegan = System.nanoTime();
            camel.start();
            double startSeconds = (System.nanoTime() - startBegan) / 1e9;
            System.out.printf(Locale.ROOT, "N=%d: camel.start() with %d routes took %.1f s%n", routes, routes, startSeconds);
            stage = "connecting";
            awaitOpenStreams(routes, Duration.ofMinutes(3), "all streams to be open");
            double connectedSeconds = (System.nanoTime() - startBegan) / 1e9;
            System.out.printf(Locale.ROOT, "N=%d: all %d streams open %.1f s after start began%n", routes, routes,
                    connectedSeconds);

            stage = "idle";
            Thread.sleep(5_000);
            int idleThreads = maxLiveThreads(Duration.ofSeconds(3));
            int idleOsThreads = osThreads();
            Map<String, Integer> idleGroups = threadGroups();
            long heapAfterGc = heapAfterGc();
            System.out.printf(Locale.ROOT, "N=%d idle: %d live threads (%d OS threads), heap after GC %d MB; %s%n", routes,
                    idleThreads, idleOsThreads, heapAfterGc >> 20, idleGroups);

            stage = "fan-out";
            double[] fanoutSeconds = new double[fanouts];
            int fanoutPeak = 0;
            Map<String, Integer> fanoutGroups = Map.of();
            for (int k = 1; k <= fanouts; k++) {
                threads.resetPeakThreadCount();
                long published = System.nanoTime();
                simulator("POST", "/_simulator/aidenid/events/extraction.completed", "{\"identity_id\":\"ident_load\"}");
                long target = (long) routes * k;
                long giveUp = published + TimeUnit.SECONDS.toNanos(60);
                while (received.get() < target && System.nanoTime() < giveUp) {
                    Thread.sleep(1);
                }
                if (received.get() < target) {
                    throw new IllegalStateException("event " + k + " reached " + (received.get() - (target - routes))
                            + " of " + routes + " routes in 60 s");
                }
                fanoutSeconds[k - 1] = (lastArrival.get() - published) / 1e9;
                int peak = threads.getPeakThreadCount();
                fanoutPeak = Math.max(fanoutPeak, peak);
                fanoutGroups = threadGroups();
                System.out.printf(Locale.ROOT, "N=%d event %d: reached all %d routes in %.3f s, peak %d live threads; %s%n",
                        routes, k, routes, fanoutSeconds[k - 1], peak, fanoutGroups);
                Thread.sleep(2_000);
            }
            int afterThreads = threads.getThreadCount();

            stage = "camel.stop()";
            long stopBegan = System.nanoTime();
            camel.stop();
            double stopSeconds = (System.nanoTime() - stopBegan) / 1e9;
            Arrays.sort(fanoutSeconds);
            System.out.printf(Locale.ROOT, "%s N=%d JDK %d headers=%s: start %.1f s, all connected %.1f s after start "
                    + "began; live threads idle %d, peak during fan-out %d, %d 2 s after (before Camel %d); heap after GC "
                    + "%d MB; one event to all N %.3f s (median of %d, max %.3f s); stop %.1f s%n", SUMMARY, routes,
                    Runtime.version().feature(), headers, startSeconds, connectedSeconds, idleThreads, fanoutPeak,
                    afterThreads, threadsBefore, heapAfterGc >> 20, fanoutSeconds[fanouts / 2], fanouts,
                    fanoutSeconds[fanouts - 1], stopSeconds);
        }

        /**
         * Camel's own share of starting N routes: the same N routes, each from a {@code noio:} endpoint that opens no
         * connection, with the same processor.
         */
        private void executeCamelOnly() throws Exception {
            int threadsBefore = threads.getThreadCount();
            CamelContext camel = new DefaultCamelContext();
            camel.addComponent("noio", new NoIoComponent());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    for (int i = 0; i < routes; i++) {
                        from("noio:stream-" + i).routeId("stream-" + i)
                                .process(exchange -> {
                                    received.incrementAndGet();
                                    lastArrival.accumulate(System.nanoTime());
                                });
                    }
                }
            });
            stage = "camel.start()";
            long startBegan = System.nanoTime();
            camel.start();
            double startSeconds = (System.nanoTime() - startBegan) / 1e9;
            stage = "idle";
            Thread.sleep(2_000);
            int idleThreads = maxLiveThreads(Duration.ofSeconds(1));
            long heapAfterGc = heapAfterGc();
            stage = "camel.stop()";
            long stopBegan = System.nanoTime();
            camel.stop();
            double stopSeconds = (System.nanoTime() - stopBegan) / 1e9;
            System.out.printf(Locale.ROOT, "%s N=%d JDK %d noio: routes, no connection: start %.1f s; live threads idle %d "
                    + "(before Camel %d); heap after GC %d MB; stop %.1f s%n", SUMMARY, routes, Runtime.version().feature(),
                    startSeconds, idleThreads, threadsBefore, heapAfterGc >> 20, stopSeconds);
        }

        private String routeUri() {
            String url = "sse:http://127.0.0.1:" + port + SseSimulator.AIDENID_STREAM_PATH + "?route={i}";
            if (headers.equals("uri")) {
                return url + "&header.Authorization=RAW(Bearer " + SseSimulator.AIDENID_API_KEY + ")&header.X-Org-Id="
                        + SseSimulator.AIDENID_ORG_ID + "&header.X-Project-Id=" + SseSimulator.AIDENID_PROJECT_ID;
            }
            return url + "&requestHeaders=RAW(Authorization: Bearer " + SseSimulator.AIDENID_API_KEY + ", X-Org-Id: "
                    + SseSimulator.AIDENID_ORG_ID + ", X-Project-Id: " + SseSimulator.AIDENID_PROJECT_ID + ")";
        }

        private void awaitOpenStreams(int expected, Duration timeout, String what) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            int open;
            long nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while ((open = openStreams()) != expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out waiting for " + what + ": " + open + " open, not "
                            + expected);
                }
                if (System.nanoTime() > nextReport) {
                    System.out.printf(Locale.ROOT, "N=%d: %d streams open, waiting for %d%n", routes, open, expected);
                    nextReport += TimeUnit.SECONDS.toNanos(5);
                }
                Thread.sleep(50);
            }
        }

        private int openStreams() throws IOException {
            String status = simulator("GET", "/_simulator", null);
            Matcher m = OPEN_STREAMS.matcher(status);
            if (!m.find()) {
                throw new IllegalStateException("no stats.openStreams in " + status);
            }
            return Integer.parseInt(m.group(1));
        }

        private int maxLiveThreads(Duration window) throws InterruptedException {
            int max = 0;
            long end = System.nanoTime() + window.toNanos();
            while (System.nanoTime() < end) {
                max = Math.max(max, threads.getThreadCount());
                Thread.sleep(100);
            }
            return max;
        }

        /**
         * One request, one connection, no client library: HTTP/1.0 with the body read until the simulator closes. A
         * client library would start threads of its own and be counted.
         */
        private String simulator(String method, String path, String body) throws IOException {
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write((method + " " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
                        + (body == null ? "" : "Content-Type: application/json\r\n") + "Content-Length: "
                        + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(content);
                out.flush();
                InputStream in = socket.getInputStream();
                String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (!response.startsWith("HTTP/1.0 2") && !response.startsWith("HTTP/1.1 2")) {
                    throw new IllegalStateException(method + " " + path + ": " + response);
                }
                return response.substring(response.indexOf("\r\n\r\n") + 4);
            }
        }
    }

    /** Live threads by name with the digits taken out, so that a pool shows as one entry with its size. */
    static Map<String, Integer> threadGroups() {
        Map<String, Integer> groups = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            groups.merge(t.getName().replaceAll("\\d+", "#"), 1, Integer::sum);
        }
        return groups;
    }

    /** Threads of the process as the OS sees them, GC and compiler threads included; -1 where /proc is missing. */
    static int osThreads() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Threads:")) {
                    return Integer.parseInt(line.substring(8).trim());
                }
            }
        } catch (IOException | RuntimeException unavailable) {
            // not Linux
        }
        return -1;
    }

    static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
