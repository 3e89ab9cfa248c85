/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone simulator:
 * {@code java -jar camel-sse-simulator-<version>-standalone.jar [--port 8089] [--host 127.0.0.1]
 * [--keep-alive 15s] [--demo-interval 3s] [--no-demo] [--aidenid-stream-limit N] [--event-loops N] [--tls]
 * [--http2|--no-http2] [--max-streams-per-connection N] [--max-queued-bytes-per-stream N]}.
 * Serves until the process is stopped.
 */
public final class SimulatorMain {

    /** The demo Predicate sessions the standalone simulator creates. */
    public static final String DEMO_INDIVIDUAL_SESSION = "550e8400-e29b-41d4-a716-446655440000";
    public static final String DEMO_BUSINESS_SESSION = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
    public static final String DEMO_EARLIER_SESSION = "7c9e6679-7425-40de-944b-e07fc1f097ae";

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("vertx.logger-delegate-factory-class-name") == null) {
            System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.JULLogDelegateFactory");
        }
        SseSimulator.Builder builder = SseSimulator.builder().port(8089);
        boolean demo = true;
        Duration demoInterval = Duration.ofSeconds(3);
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--port" -> builder.port(Integer.parseInt(value(args, ++i, a)));
                    case "--host" -> builder.host(value(args, ++i, a));
                    case "--keep-alive" -> builder.keepAliveInterval(parseDuration(value(args, ++i, a)));
                    case "--demo-interval" -> {
                        demoInterval = parseDuration(value(args, ++i, a));
                        if (demoInterval.toMillis() < 1) {
                            // Vert.x refuses a timer below 1 ms, which would only show once the server runs
                            throw new IllegalArgumentException("--demo-interval must be at least 1 ms");
                        }
                    }
                    case "--no-demo" -> demo = false;
                    case "--aidenid-stream-limit" -> builder.aidenIdStreamLimit(Integer.parseInt(value(args, ++i, a)));
                    case "--event-loops" -> builder.eventLoops(Integer.parseInt(value(args, ++i, a)));
                    case "--tls" -> builder.tls(true);
                    case "--http2" -> builder.http2(true);
                    case "--no-http2" -> builder.http2(false);
                    case "--max-streams-per-connection" ->
                            builder.maxConcurrentStreamsPerConnection(Integer.parseInt(value(args, ++i, a)));
                    case "--max-queued-bytes-per-stream" ->
                            builder.maxQueuedBytesPerStream(Integer.parseInt(value(args, ++i, a)));
                    case "--help", "-h" -> {
                        usage(System.out);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }

        SseSimulator sim = builder.build();
        try {
            sim.start();
        } catch (IllegalStateException e) {
            // a start that failed has released the simulator already
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        if (demo) {
            startDemo(sim, demoInterval);
        }
        printBanner(System.out, sim, demo, demoInterval);
        stopped.await();
    }

    /**
     * The demo: scripted sessions that start their timeline again for a connection that comes after the
     * end, and an AidenID publisher; both come back after a {@link SseSimulator#reset()}. Closing the
     * returned handle stops the publisher.
     */
    static AutoCloseable startDemo(SseSimulator sim, Duration interval) {
        Runnable sessions = () -> createDemoSessions(sim, interval);
        sessions.run();
        sim.addResetHook(sessions);
        String[] identity = {AidenIdEvents.newIdentityId()};
        int[] step = {0};
        long timer = sim.vertx().setPeriodic(interval.toMillis(), id -> {
            switch (step[0]++ % 4) {
                case 0 -> sim.aidenId().publishIdentityCreated(identity[0]);
                case 1 -> sim.aidenId().publishInboundReceived(identity[0]);
                case 2 -> sim.aidenId().publishExtractionCompleted(identity[0]);
                default -> {
                    sim.aidenId().publishIdentityExpired(identity[0]);
                    identity[0] = AidenIdEvents.newIdentityId();
                }
            }
        });
        return () -> {
            sim.vertx().cancelTimer(timer);
            sim.removeResetHook(sessions);
        };
    }

    private static void createDemoSessions(SseSimulator sim, Duration interval) {
        SimulatedWallet wallet = new SimulatedWallet("wallet-uuid", "0x1234...", "ethereum");
        sim.predicate().newSession().id(DEMO_INDIVIDUAL_SESSION).individual().unverifiedWallets(wallet)
                .happyPath(interval).restartWhenTerminal(true).create();
        sim.predicate().newSession().id(DEMO_BUSINESS_SESSION).business().unverifiedWallets(wallet)
                .happyPath(interval).restartWhenTerminal(true).create();
        sim.predicate().newSession().id(DEMO_EARLIER_SESSION).individual().generation(Generation.EARLIER)
                .unverifiedWallets(wallet).happyPath(interval).restartWhenTerminal(true).create();
    }

    static void printBanner(PrintStream out, SseSimulator sim, boolean demo, Duration interval) {
        String base = sim.baseUrl();
        out.println("Camel SSE simulator listening on " + base);
        out.println();
        out.println("Predicate (both generations)");
        out.println("  base URL : " + base);
        out.println("  API key  : " + SseSimulator.PREDICATE_API_KEY);
        if (demo) {
            out.println("  demo sessions (pending -> submitted/in_progress -> completed, one step every "
                    + interval.toMillis() + " ms; a connection after the end starts the timeline again):");
            out.println("    individual " + DEMO_INDIVIDUAL_SESSION);
            out.println("    business   " + DEMO_BUSINESS_SESSION);
            out.println("    individual " + DEMO_EARLIER_SESSION + " (earlier generation)");
        }
        out.println("  curl -N \"" + base + SseSimulator.PREDICATE_STREAM_PATH_PREFIX + "individual/"
                + DEMO_INDIVIDUAL_SESSION + "\" -H \"Authorization: Bearer " + SseSimulator.PREDICATE_API_KEY + "\"");
        out.println();
        out.println("AidenID");
        out.println("  base URL : " + base);
        out.println("  API key  : " + SseSimulator.AIDENID_API_KEY + "   (valid, no scope -> 403: "
                + SseSimulator.AIDENID_NO_SCOPE_API_KEY + ")");
        out.println("  org      : " + SseSimulator.AIDENID_ORG_ID);
        out.println("  project  : " + SseSimulator.AIDENID_PROJECT_ID);
        if (demo) {
            out.println("  demo publisher: one event every " + interval.toMillis() + " ms, all four types in turn");
        }
        out.println("  curl -N \"" + base + SseSimulator.AIDENID_STREAM_PATH + "\" -H \"Authorization: Bearer "
                + SseSimulator.AIDENID_API_KEY + "\" -H \"X-Org-Id: " + SseSimulator.AIDENID_ORG_ID
                + "\" -H \"X-Project-Id: " + SseSimulator.AIDENID_PROJECT_ID + "\" -H \"Accept: text/event-stream\"");
        out.println();
        if (sim.isTls()) {
            out.println("TLS: self-signed certificate for localhost and 127.0.0.1, trust it with");
            out.println("  curl --cacert " + sim.certificatePemPath() + " ...");
            out.println();
        }
        out.println("Admin API: " + base + SseSimulator.ADMIN_PATH + "   (see docs/simulator.md)");
        out.println("  curl -X POST " + base + SseSimulator.ADMIN_PATH + "/predicate/sessions -d '{\"type\":\"individual\"}'");
        out.println("  curl -X POST " + base + SseSimulator.ADMIN_PATH + "/aidenid/events/extraction.completed");
        out.println();
        out.println("Stop with Ctrl+C.");
        out.flush();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** {@code 500} (milliseconds), {@code 500ms}, {@code 10s}, {@code 1m}. */
    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.ofMillis(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar camel-sse-simulator-standalone.jar [options]");
        out.println("  --port N                  port to bind (default 8089; 0 = any free port)");
        out.println("  --host ADDRESS            address to bind (default 127.0.0.1)");
        out.println("  --keep-alive DURATION     keep-alive comment interval (default 15s; 0 = none)");
        out.println("  --demo-interval DURATION  pace of the demo session steps and events (default 3s)");
        out.println("  --no-demo                 no demo sessions and no demo publisher");
        out.println("  --aidenid-stream-limit N  concurrent AidenID streams before 429 (default: no limit)");
        out.println("  --event-loops N           event loop threads (default: twice the processors)");
        out.println("  --tls                     serve https with a self-signed certificate (its PEM file is printed)");
        out.println("  --http2 / --no-http2     HTTP/2 for clients that ask (ALPN h2, h2c; default on) or HTTP/1.1 only");
        out.println("  --max-streams-per-connection N  HTTP/2 concurrent streams per connection (default 100)");
        out.println("  --max-queued-bytes-per-stream N  bytes a stream may leave unread before it is dropped (default 8388608)");
        out.println("durations: 500 (ms), 500ms, 10s, 1m");
    }
}
