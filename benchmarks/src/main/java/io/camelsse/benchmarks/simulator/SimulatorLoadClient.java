/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.benchmarks.simulator;

import io.camelsse.simulator.SseSimulator;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The client side of the simulator capacity run, in its own JVM (one process could not hold both ends
 * of 10,000 connections under a 20,000 file descriptor limit): opens N AidenID streams to the simulator
 * on 127.0.0.1, counts the events it receives (blocks with a {@code data} field) and prints open streams
 * and events per second; stops by itself after {@code --duration}. By default each stream is a raw TCP
 * connection (Vert.x NetClient) that sends the GET itself and counts events in the bytes as they come,
 * the cheapest reader there is, so that the client, sharing the machine with the server, measures the
 * server rather than itself; {@code --http-client} uses the Vert.x HttpClient instead.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.camelsse.benchmarks.simulator.SimulatorLoadClient \
 *     --port 8090 --streams 10000 --duration 60s [--connect-parallelism 500] [--http-client]
 * </pre>
 */
public final class SimulatorLoadClient {

    private SimulatorLoadClient() {
    }

    /**
     * Counts SSE events (blocks with a {@code data} line) in one stream's bytes, exactly, while touching
     * few of them: it jumps from line end to line end ({@code ByteBuf.indexOf}) and looks only at the
     * first byte of each line and the one before its end. The simulator ends event lines with {@code \n}
     * alone; on a raw connection the HTTP head and the chunk framing lines end with {@code \r\n} and are
     * skipped for that.
     */
    static final class EventCounter {
        private boolean atLineStart = true;
        private byte first;
        private byte lastOfPrevious;
        private boolean dataInBlock;

        long feed(ByteBuf buf) {
            long events = 0;
            int start = buf.readerIndex();
            int end = buf.writerIndex();
            int i = start;
            while (i < end) {
                if (atLineStart) {
                    byte c = buf.getByte(i);
                    if (c == '\n') {
                        if (dataInBlock) {
                            events++;
                            dataInBlock = false;
                        }
                        i++;
                        continue;
                    }
                    first = c;
                    atLineStart = false;
                }
                int lf = buf.indexOf(i, end, (byte) '\n');
                if (lf < 0) {
                    break;
                }
                byte before = lf > start ? buf.getByte(lf - 1) : lastOfPrevious;
                if (before != '\r' && first == 'd') {
                    dataInBlock = true;
                }
                atLineStart = true;
                i = lf + 1;
            }
            if (end > start) {
                lastOfPrevious = buf.getByte(end - 1);
            }
            return events;
        }
    }

    /** What the streams of one run have seen, updated from Vert.x's event loops. */
    static final class Counts {
        final LongAdder events = new LongAdder();
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger ended = new AtomicInteger();

        /** Returns what to call once the stream ends, however it ends: it counts the end once. */
        Runnable opened() {
            open.incrementAndGet();
            AtomicBoolean over = new AtomicBoolean();
            return () -> {
                if (over.compareAndSet(false, true)) {
                    open.decrementAndGet();
                    ended.incrementAndGet();
                }
            };
        }
    }

    static Buffer rawRequest(int port) {
        return Buffer.buffer("GET " + SseSimulator.AIDENID_STREAM_PATH + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nAuthorization: Bearer " + SseSimulator.AIDENID_API_KEY + "\r\nX-Org-Id: " + SseSimulator.AIDENID_ORG_ID
                + "\r\nX-Project-Id: " + SseSimulator.AIDENID_PROJECT_ID + "\r\nAccept: text/event-stream\r\n\r\n");
    }

    static RequestOptions httpRequest(int port) {
        return new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
                .setURI(SseSimulator.AIDENID_STREAM_PATH)
                .addHeader("Authorization", "Bearer " + SseSimulator.AIDENID_API_KEY)
                .addHeader("X-Org-Id", SseSimulator.AIDENID_ORG_ID)
                .addHeader("X-Project-Id", SseSimulator.AIDENID_PROJECT_ID)
                .addHeader("Accept", "text/event-stream");
    }

    /** Opens one stream as a raw TCP connection; {@code settled} runs once it is open or has failed. */
    static void openRaw(NetClient net, int port, Buffer request, Counts counts, Runnable settled) {
        EventCounter counter = new EventCounter();
        net.connect(port, "127.0.0.1").onComplete(ar -> {
            settled.run();
            if (ar.failed()) {
                counts.failed.incrementAndGet();
                return;
            }
            Runnable ended = counts.opened();
            ar.result().handler(b -> counts.events.add(counter.feed(b.getByteBuf())));
            ar.result().closeHandler(v -> ended.run());
            ar.result().write(request);
        });
    }

    /**
     * Opens one stream with the Vert.x HttpClient; {@code settled} runs once it is open or has failed. A stream the
     * server cuts off (it stops, or drops a slow stream) ends with an exception, not with the end of the body.
     */
    static void openHttp(HttpClient client, RequestOptions options, Counts counts, Runnable settled) {
        EventCounter counter = new EventCounter();
        client.request(options).compose(req -> req.send()).onComplete(ar -> {
            settled.run();
            if (ar.failed() || ar.result().statusCode() != 200) {
                counts.failed.incrementAndGet();
                return;
            }
            Runnable ended = counts.opened();
            ar.result().handler(b -> counts.events.add(counter.feed(b.getByteBuf())));
            ar.result().endHandler(v -> ended.run());
            ar.result().exceptionHandler(t -> ended.run());
        });
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 8090;
        int streams = 10_000;
        Duration duration = Duration.ofSeconds(60);
        int parallelism = 500;
        boolean httpClient = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--streams" -> streams = Integer.parseInt(args[++i]);
                case "--duration" -> duration = SimulatorLoadServer.parseDuration(args[++i]);
                case "--connect-parallelism" -> parallelism = Integer.parseInt(args[++i]);
                case "--http-client" -> httpClient = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(false));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(10_000).setKeepAlive(false)
                .setTcpNoDelay(true), new PoolOptions().setHttp1MaxSize(streams).setMaxWaitQueueSize(-1));
        Counts counts = new Counts();
        Semaphore connecting = new Semaphore(parallelism);
        long deadline = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        RequestOptions options = httpRequest(port);
        NetClient net = vertx.createNetClient(new NetClientOptions().setConnectTimeout(10_000).setTcpNoDelay(true));
        Buffer request = rawRequest(port);
        for (int i = 0; i < streams && System.nanoTime() < deadline; i++) {
            if (!connecting.tryAcquire(10, TimeUnit.SECONDS)) {
                System.out.println("connects are not completing; stopping at " + i);
                break;
            }
            if (httpClient) {
                openHttp(client, options, counts, connecting::release);
            } else {
                openRaw(net, port, request, counts, connecting::release);
            }
        }
        System.out.printf(Locale.ROOT, "client: %d streams requested in %.1f s, %d open, %d failed%n", streams,
                (System.nanoTime() - start) / 1e9, counts.open.get(), counts.failed.get());
        long lastEvents = counts.events.sum();
        long peakRate = 0;
        int peakOpen = counts.open.get();
        long measuredEvents = 0;
        long measuredNanos = 0;
        long last = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long now = System.nanoTime();
            long total = counts.events.sum();
            long rate = (long) ((total - lastEvents) / ((now - last) / 1e9));
            int o = counts.open.get();
            peakOpen = Math.max(peakOpen, o);
            if (total > lastEvents) {
                measuredEvents += total - lastEvents;
                measuredNanos += now - last;
                peakRate = Math.max(peakRate, rate);
            }
            System.out.printf(Locale.ROOT, "client: open %d, failed %d, received %,d events/s%n", o, counts.failed.get(), rate);
            lastEvents = total;
            last = now;
        }
        System.out.printf(Locale.ROOT, "CLIENT SUMMARY: peak open streams %d, failed %d, %,d events received; "
                + "%,.0f events/s over the %.1f s with traffic, best second %,d events/s%n", peakOpen, counts.failed.get(),
                counts.events.sum(), measuredNanos == 0 ? 0 : measuredEvents / (measuredNanos / 1e9), measuredNanos / 1e9, peakRate);
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
