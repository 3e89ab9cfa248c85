/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * One event stream read with the JDK's {@link HttpClient}, line by line as they arrive, for the HTTP/2 and
 * TLS tests: keeps the {@code data:} lines, whether the body ended normally, and how the request failed.
 */
final class JdkSseStream implements Flow.Subscriber<String> {

    private final List<String> data = new ArrayList<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean ended;
    private volatile Throwable failure;
    private volatile HttpClient.Version version;
    private volatile int status;

    /** Sends the request; the stream fills in as events arrive. */
    static JdkSseStream open(HttpClient client, String url, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET().header("Accept", "text/event-stream");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        JdkSseStream stream = new JdkSseStream();
        CompletableFuture<HttpResponse<Void>> response = client.sendAsync(b.build(),
                info -> {
                    stream.status = info.statusCode();
                    stream.version = info.version();
                    return HttpResponse.BodySubscribers.fromLineSubscriber(stream);
                });
        response.whenComplete((r, t) -> {
            if (t != null && stream.failure == null) {
                stream.failure = t;
            }
        });
        return stream;
    }

    static JdkSseStream predicate(HttpClient client, PredicateSession session) {
        return open(client, session.url(), "Authorization", "Bearer " + SseSimulator.PREDICATE_API_KEY);
    }

    static HttpClient client(SseSimulator sim, HttpClient.Version version) {
        HttpClient.Builder b = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(10));
        if (sim.isTls()) {
            b.sslContext(sim.sslContext());
        }
        return b.build();
    }

    synchronized List<String> data() {
        return List.copyOf(data);
    }

    synchronized int events() {
        return data.size();
    }

    boolean ended() {
        return ended;
    }

    Throwable failure() {
        return failure;
    }

    HttpClient.Version version() {
        return version;
    }

    int status() {
        return status;
    }

    void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(String line) {
        if (line.startsWith("data:")) {
            data.add(line.substring(5).trim());
        }
    }

    @Override
    public void onError(Throwable t) {
        failure = t;
    }

    @Override
    public void onComplete() {
        ended = true;
    }
}
