/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.benchmarks.watch;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelsse.component.predicate.FileWatchRepository;
import io.camelsse.component.predicate.JdbcWatchRepository;
import io.camelsse.component.predicate.MemoryWatchRepository;
import io.camelsse.component.predicate.PredicateSseComponent;
import io.camelsse.component.predicate.PredicateSseConstants;
import io.camelsse.component.predicate.WatchRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;

/**
 * One predicate-sse:watch route with many sessions against the standalone simulator in another JVM (its admin API
 * creates and advances the sessions): how long until all are open, the live threads, the heap after GC, how long one
 * status change on every session takes to reach the route; then a restart with the repository, while half of the
 * sessions changed, counting statuses lost and delivered twice.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar io.camelsse.benchmarks.watch.WatchBenchmark
 * --base-url http://127.0.0.1:8089 --sessions 10000 --repository file --pace 0 --restart-pace 50}
 */
public final class WatchBenchmark {

    private static final String API_KEY = "sim_predicate_test_key";
    private static final Set<String> OPTIONS = Set.of("base-url", "sessions", "repository", "pace", "restart-pace");
    private static final Pattern SESSION_ID = Pattern.compile("\"sessionId\"\\s*:\\s*\"([^\"]+)\"");

    private final String baseUrl;
    private final int count;
    private final String repositoryKind;
    private final int pace;
    private final int restartPace;
    private final HttpClient admin = HttpClient.newHttpClient();
    private final Map<String, List<String>> delivered = new ConcurrentHashMap<>();
    private final AtomicInteger deliveries = new AtomicInteger();

    private WatchBenchmark(Map<String, String> args) {
        baseUrl = args.getOrDefault("base-url", "http://127.0.0.1:8089");
        count = Integer.parseInt(args.getOrDefault("sessions", "10000"));
        repositoryKind = args.getOrDefault("repository", "file");
        pace = Integer.parseInt(args.getOrDefault("pace", "0"));
        restartPace = Integer.parseInt(args.getOrDefault("restart-pace", "50"));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new java.util.HashMap<>();
        for (int i = 0; i < argv.length; i += 2) {
            String name = argv[i].replaceFirst("^--", "");
            // a misspelt option would otherwise run the default, and the figures would be of another run
            if (!OPTIONS.contains(name) || i + 1 == argv.length) {
                throw new IllegalArgumentException("usage: --base-url URL --sessions N --repository memory|file|jdbc"
                                                   + " --pace N --restart-pace N (refused: " + argv[i] + ")");
            }
            args.put(name, argv[i + 1]);
        }
        new WatchBenchmark(args).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("watch-benchmark");
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:" + dir.resolve("watch-db") + ";DB_CLOSE_DELAY=-1");
        List<String> ids = createSessions();
        System.out.printf("JDK %s, %d sessions, repository %s, pace %s%n", Runtime.version(), count, repositoryKind,
                pace == 0 ? "off" : pace + "/s");

        CamelContext context = start(repository(dir, h2), pace);
        long start = System.nanoTime();
        context.createProducerTemplate().sendBody("direct:many", ids);
        long added = System.nanoTime();
        long allOpen = awaitOpen(context, count);
        System.out.printf("added in %d ms; all open %d ms after the last add%n", ms(added - start), ms(allOpen - added));
        awaitDeliveries(count);
        System.out.printf("live threads: %d; heap after GC: %d MB%n", ManagementFactory.getThreadMXBean().getThreadCount(), heapAfterGcMb());

        long before = System.nanoTime();
        post("/_simulator/predicate/sessions/update", "{\"all\":true,\"status\":\"submitted\"}");
        awaitDeliveries(2 * count);
        System.out.printf("one status change on every session reached the route in %d ms%n",
                ms(System.nanoTime() - before));
        System.out.printf("live threads: %d; heap after GC: %d MB%n", ManagementFactory.getThreadMXBean().getThreadCount(), heapAfterGcMb());
        context.stop();
        if ("memory".equals(repositoryKind)) {
            // a memory repository forgets the set with its context: there is no restart to measure
            return;
        }

        // while nothing runs, half of the sessions change (not to a final status: every session stays watched)
        StringBuilder half = new StringBuilder("{\"sessionIds\":[");
        for (int i = 0; i < count / 2; i++) {
            half.append(i == 0 ? "" : ",").append('"').append(ids.get(i)).append('"');
        }
        post("/_simulator/predicate/sessions/update", half.append("],\"userId\":\"user-1\"}").toString());
        delivered.clear();
        deliveries.set(0);

        context = start(repository(dir, h2), restartPace);
        long restarted = System.nanoTime();
        awaitOpen(context, count);
        long reopened = System.nanoTime();
        awaitDeliveries(count / 2);
        Thread.sleep(2000);
        int lost = 0;
        int twice = 0;
        for (int i = 0; i < count; i++) {
            List<String> got = delivered.getOrDefault(ids.get(i), List.of());
            if (i < count / 2 && got.isEmpty()) {
                lost++;
            }
            if (i < count / 2 ? got.size() > 1 : !got.isEmpty()) {
                twice += i < count / 2 ? got.size() - 1 : got.size();
            }
        }
        System.out.printf("restart (%s, pace %s): all %d re-opened in %d ms; %d statuses lost, %d delivered twice%n",
                repositoryKind, restartPace == 0 ? "off" : restartPace + "/s", count, ms(reopened - restarted), lost,
                twice);
        context.stop();
    }

    private WatchRepository repository(Path dir, JdbcDataSource h2) {
        return switch (repositoryKind) {
            case "memory" -> new MemoryWatchRepository();
            case "file" -> new FileWatchRepository(dir.resolve("watch.log"));
            case "jdbc" -> new JdbcWatchRepository(h2);
            default -> throw new IllegalArgumentException("--repository memory|file|jdbc");
        };
    }

    private CamelContext start(WatchRepository repository, int connectsPerSecond) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("repository", repository);
        PredicateSseComponent component = context.getComponent("predicate-sse", PredicateSseComponent.class);
        component.setApiKey(API_KEY);
        component.setBaseUrl(baseUrl);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("predicate-sse:watch?watchRepository=#repository&maxConnectsPerSecond=" + connectsPerSecond)
                        .routeId("watch")
                        .process(e -> {
                            String id = e.getMessage().getHeader(PredicateSseConstants.SESSION_ID, String.class);
                            delivered.computeIfAbsent(id, k -> java.util.Collections.synchronizedList(
                                    new ArrayList<>())).add(e.getMessage().getHeader(PredicateSseConstants.STATUS,
                                            String.class));
                            deliveries.incrementAndGet();
                        });
                from("direct:many").split(body()).setHeader(PredicateSseConstants.SESSION_ID, body())
                        .to("predicate-sse:watch");
            }
        });
        context.start();
        return context;
    }

    private long awaitOpen(CamelContext context, int expected) throws InterruptedException {
        Consumer consumer = context.getRoute("watch").getConsumer();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            Object open = ((HealthCheckAware) consumer).getHealthCheck().call().getDetails().get("watch.open");
            if (open instanceof Integer n && n >= expected) {
                return System.nanoTime();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("Not all sessions opened: " + ((HealthCheckAware) consumer).getHealthCheck()
                .call().getDetails());
    }

    private void awaitDeliveries(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (deliveries.get() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(deliveries.get() + " of " + expected + " statuses delivered");
            }
            Thread.sleep(5);
        }
    }

    private List<String> createSessions() throws Exception {
        String body = post("/_simulator/predicate/sessions/bulk",
                "{\"count\":" + count + ",\"scriptStart\":\"manual\"}");
        List<String> ids = new ArrayList<>();
        Matcher m = SESSION_ID.matcher(body);
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.size() != count) {
            throw new IllegalStateException("The simulator created " + ids.size() + " sessions");
        }
        return ids;
    }

    private String post(String path, String json) throws Exception {
        HttpResponse<String> response = admin.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static long heapAfterGcMb() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
