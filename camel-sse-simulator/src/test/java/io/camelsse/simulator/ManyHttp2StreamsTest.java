/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 1,000 Predicate streams over TLS and HTTP/2 from the JDK's {@link HttpClient}, with a server limit of 100
 * streams per connection. Prints how many connections that took and how the requests beyond a connection's
 * limit fared: depending on the JDK, its client opens another connection or fails the request with
 * {@code IOException: too many concurrent streams}. Requests that fail so are sent again on new clients, at
 * most one connection's worth each, as a caller would have to, so that every stream opens in the end.
 */
class ManyHttp2StreamsTest {

    private static final int SESSIONS = 1_000;
    private static final int STREAM_LIMIT = 100;
    private static final int MAX_ROUNDS = 30;

    @Test
    void everyOneOfAThousandStreamsOpensAndGetsItsStatusEvents() {
        try (SseSimulator sim = SseSimulator.builder().tls(true).maxConcurrentStreamsPerConnection(STREAM_LIMIT)
                .keepAliveInterval(Duration.ZERO).build().start()) {
            List<PredicateSession> sessions = sim.predicate().createSessions(SESSIONS, b -> b.scriptStart(ScriptStart.MANUAL));
            List<HttpClient> clients = new ArrayList<>();
            JdkSseStream[] streams = new JdkSseStream[SESSIONS];
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                all.add(i);
            }

            // first try: all of them on one client, as a route with one HttpClient would
            openOnNewClient(sim, clients, sessions, streams, all);
            Map<String, Integer> failures = new LinkedHashMap<>();
            List<Integer> failed = failed(streams, failures);
            int firstTryFailures = failed.size();
            long firstTryConnections = sim.stats().http2Connections();
            // then the failed ones again, at most one connection's worth per new client
            for (int round = 0; round < MAX_ROUNDS && !failed.isEmpty(); round++) {
                for (int from = 0; from < failed.size(); from += STREAM_LIMIT) {
                    openOnNewClient(sim, clients, sessions, streams, failed.subList(from, Math.min(failed.size(), from + STREAM_LIMIT)));
                }
                failed = failed(streams, failures);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> sim.stats().openStreams() == SESSIONS);

            sim.predicate().advanceAll(sessions);
            sim.predicate().advanceAll(sessions);
            await().atMost(Duration.ofSeconds(30)).until(() -> allEnded(streams));

            Map<Integer, Integer> connectionsByStreams = new TreeMap<>();
            sim.stats().streamsPerConnection().forEach(n -> connectionsByStreams.merge(n, 1, Integer::sum));
            System.out.printf("Java %s: first try on one HttpClient: %d of %d streams failed, on %d connection(s);"
                            + " in the end %d HTTP/2 streams (limit %d per connection) took %d connections from %d HttpClient(s);"
                            + " streams per connection -> connections: %s; most at once on one: %d;"
                            + " refused by the server: %d; failures by message: %s%n",
                    Runtime.version(), firstTryFailures, SESSIONS, firstTryConnections, SESSIONS, STREAM_LIMIT, sim.stats().http2Connections(), clients.size(),
                    connectionsByStreams, sim.stats().maxStreamsOnOneConnection(), sim.stats().refusedStreams(), failures);

            for (int i = 0; i < SESSIONS; i++) {
                assertThat(streams[i].failure()).as("stream %d", i).isNull();
                assertThat(streams[i].version()).isEqualTo(HttpClient.Version.HTTP_2);
                assertThat(streams[i].data()).as("stream %d", i).hasSize(3);
                assertThat(streams[i].data().get(0)).contains("\"status\":\"pending\"");
                assertThat(streams[i].data().get(1)).contains("\"status\":\"submitted\"");
                assertThat(streams[i].data().get(2)).contains("\"status\":\"completed\"");
            }
            assertThat(sim.stats().http2Connections()).isEqualTo(sim.stats().streamConnections())
                    .isGreaterThanOrEqualTo(SESSIONS / STREAM_LIMIT);
            assertThat(sim.stats().maxStreamsOnOneConnection()).isLessThanOrEqualTo(STREAM_LIMIT);
        }
    }

    /**
     * Opens the streams of these sessions on a new client: the first alone, so that the client has the server's
     * SETTINGS before the others go out, then the rest at once; returns when each has its first event or failed.
     */
    private static void openOnNewClient(SseSimulator sim, List<HttpClient> clients, List<PredicateSession> sessions,
            JdkSseStream[] streams, List<Integer> indexes) {
        HttpClient client = JdkSseStream.client(sim, HttpClient.Version.HTTP_2);
        clients.add(client);
        int first = indexes.get(0);
        streams[first] = JdkSseStream.predicate(client, sessions.get(first));
        await().atMost(Duration.ofSeconds(30)).until(() -> settled(streams[first]));
        for (int i : indexes.subList(1, indexes.size())) {
            streams[i] = JdkSseStream.predicate(client, sessions.get(i));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> indexes.stream().allMatch(i -> settled(streams[i])));
    }

    private static List<Integer> failed(JdkSseStream[] streams, Map<String, Integer> failures) {
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; i < streams.length; i++) {
            if (streams[i].failure() != null) {
                failed.add(i);
                failures.merge(describe(streams[i].failure()), 1, Integer::sum);
            }
        }
        return failed;
    }

    private static boolean settled(JdkSseStream s) {
        return s.events() > 0 || s.failure() != null;
    }

    private static boolean allEnded(JdkSseStream[] streams) {
        for (JdkSseStream s : streams) {
            if (!s.ended() && s.failure() == null) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getName() + ": " + root.getMessage();
    }
}
