/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.benchmarks.route;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import com.launchdarkly.eventsource.EventSource;
import com.launchdarkly.eventsource.MessageEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Events per second from a socket on 127.0.0.1 into a consumer, end to end: HTTP, parsing and, for camel-sse, one
 * Camel exchange per event through a route. One operation is one event. Each client holds one open stream for the
 * whole run; one invocation has the server write {@value #EVENTS} events of 100 bytes onto it at once, and ends when
 * the client has taken the last of them, so connecting and route start-up are not measured.
 * <ul>
 * <li>{@code camelSseRoute}: a route {@code from("sse:...")} whose processor reads each body;</li>
 * <li>{@code okhttpIntoCamelRoute}: what a route without this component would do: okhttp-eventsource reads the
 * stream and a {@code ProducerTemplate} sends each event's data, with the same two headers, into a route with the same
 * processor;</li>
 * <li>{@code camelCeilingNoIo}: Camel's own ceiling for the same route: the same data already in memory, one exchange
 * per event made and routed as the {@code sse:} consumer does it, no I/O (see {@link NoIoComponent});</li>
 * <li>{@code okhttpEventSource}: okhttp-eventsource 4.3.0 alone, with its own OkHttp client, reading each event's
 * data;</li>
 * <li>{@code jdkHttpClientLines}: the JDK client splitting the body into lines and counting {@code data:} lines,
 * no event-stream rules and no Camel: what reading the bytes alone costs.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RouteThroughputBenchmark {

    static final int EVENTS = 100_000;

    private final Map<String, HttpServerResponse> openStreams = new ConcurrentHashMap<>();
    private Buffer events;
    private Vertx vertx;
    private HttpServer server;
    private CamelContext camel;
    private volatile CountDownLatch routed;
    private EventSource okhttpSource;
    private EventSource okhttpRouteSource;
    private ProducerTemplate template;
    private Iterator<String> jdkLines;
    private Stream<String> jdkBody;
    private NoIoComponent.NoIoConsumer noIoConsumer;
    private String[] eventData;

    @Setup
    public void start() throws Exception {
        events = Buffer.buffer(eventStream());
        vertx = Vertx.vertx();
        server = vertx.createHttpServer()
                .requestHandler(request -> {
                    HttpServerResponse response = request.response()
                            .setChunked(true)
                            .putHeader("Content-Type", "text/event-stream");
                    // the head goes out at once, so that every client is connected before the first invocation
                    response.write(": open\n\n");
                    openStreams.put(request.path(), response);
                })
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        String base = "http://127.0.0.1:" + server.actualPort();

        camel = new DefaultCamelContext();
        camel.addComponent("noio", new NoIoComponent());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                Processor countEvent = exchange -> {
                    if (exchange.getMessage().getBody(String.class).isEmpty()) {
                        throw new IllegalStateException("an event without data");
                    }
                    routed.countDown();
                };
                from("sse:" + base + "/camel").process(countEvent);
                from("direct:events").process(countEvent);
                from("noio:events").process(countEvent);
            }
        });
        camel.start();
        noIoConsumer = camel.getEndpoint("noio:events", NoIoComponent.NoIoEndpoint.class).consumer();
        eventData = new String[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            eventData[i] = new String(events.getBytes(i * 100 + 6, i * 100 + 98), StandardCharsets.US_ASCII);
        }

        okhttpSource = new EventSource.Builder(URI.create(base + "/okhttp")).build();
        okhttpSource.start();
        template = camel.createProducerTemplate();
        okhttpRouteSource = new EventSource.Builder(URI.create(base + "/okhttp-route")).build();
        okhttpRouteSource.start();

        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/jdk")).build(), HttpResponse.BodyHandlers.ofLines());
        jdkBody = response.body();
        jdkLines = jdkBody.iterator();

        await(() -> openStreams.size() == 4, "the four clients to connect");
    }

    @TearDown
    public void stop() throws Exception {
        okhttpSource.close();
        okhttpRouteSource.close();
        jdkBody.close();
        camel.close();
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long camelSseRoute() throws Exception {
        CountDownLatch latch = new CountDownLatch(EVENTS);
        routed = latch;
        send("/camel");
        if (!latch.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + (EVENTS - latch.getCount()) + " events arrived");
        }
        return latch.getCount();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long okhttpIntoCamelRoute() throws Exception {
        CountDownLatch latch = new CountDownLatch(EVENTS);
        routed = latch;
        send("/okhttp-route");
        for (int i = 0; i < EVENTS; i++) {
            MessageEvent event = okhttpRouteSource.readMessage();
            template.sendBodyAndHeaders("direct:events", event.getData(),
                    Map.of("CamelSseEventType", event.getEventName(), "CamelSseEventId",
                            event.getLastEventId() == null ? "" : event.getLastEventId()));
        }
        if (latch.getCount() != 0) {
            throw new IllegalStateException("only " + (EVENTS - latch.getCount()) + " events arrived");
        }
        return latch.getCount();
    }

    /**
     * Camel's ceiling for the same route: the same event data, already strings in memory, each made into an exchange
     * and routed the way the {@code sse:} consumer does it, with no I/O.
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long camelCeilingNoIo() throws Exception {
        CountDownLatch latch = new CountDownLatch(EVENTS);
        routed = latch;
        for (int i = 0; i < EVENTS; i++) {
            noIoConsumer.route(eventData[i], "message", "");
        }
        if (!latch.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + (EVENTS - latch.getCount()) + " events arrived");
        }
        return latch.getCount();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void okhttpEventSource(Blackhole blackhole) throws Exception {
        send("/okhttp");
        for (int i = 0; i < EVENTS; i++) {
            blackhole.consume(okhttpSource.readMessage().getData());
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int jdkHttpClientLines() {
        send("/jdk");
        int seen = 0;
        while (seen < EVENTS) {
            if (jdkLines.next().startsWith("data:")) {
                seen++;
            }
        }
        return seen;
    }

    private void send(String path) {
        HttpServerResponse response = openStreams.get(path);
        vertx.runOnContext(ignored -> response.write(events));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    /** {@value #EVENTS} events of exactly 100 bytes: {@code data: } and 92 letters and digits, then a blank line. */
    static byte[] eventStream() {
        StringBuilder text = new StringBuilder(EVENTS * 100);
        for (int i = 0; i < EVENTS; i++) {
            String counter = String.format("%08d", i);
            text.append("data: ").append(counter).append("x".repeat(84)).append("\n\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        if (bytes.length != EVENTS * 100) {
            throw new IllegalStateException("the stream is " + bytes.length + " bytes");
        }
        return bytes;
    }
}
