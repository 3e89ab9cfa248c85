/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import io.camelsse.component.sse.fixture.FixtureServer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Under Camel Main with camel-micrometer-prometheus, as a user turns it on with properties only: the SSE meters are
 * in the Prometheus scrape, and the {@code sse} dev console answers on the management server.
 */
class SsePrometheusMainTest {

    @Test
    void prometheusScrapesTheSseMetersAndTheDevConsoleAnswersOverHttp() throws Exception {
        try (FixtureServer server = new FixtureServer()) {
            server.enqueue(c -> c.eventStream().raw("id: 1\ndata: a\n\n"))
                    .enqueue(c -> {
                        c.eventStream().raw("id: 2\ndata: b\n\n");
                        c.holdOpen(30, TimeUnit.SECONDS);
                    });
            int port = freePort();
            Main main = new Main();
            main.addInitialProperty("camel.metrics.enabled", "true");
            main.addInitialProperty("camel.management.enabled", "true");
            main.addInitialProperty("camel.management.host", "127.0.0.1");
            main.addInitialProperty("camel.management.port", String.valueOf(port));
            main.addInitialProperty("camel.management.metricsEnabled", "true");
            main.addInitialProperty("camel.main.devConsoleEnabled", "true");
            main.addInitialProperty("camel.management.devConsoleEnabled", "true");
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("sse:" + server.url("/events?apiKey=k3y-s3cr3t") + "&reconnectDelay=10")
                            .routeId("scraped").to("mock:events");
                }
            });
            main.start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                await().until(() -> get(http, port, "/observe/metrics")
                        .contains("camel_sse_events_delivered_total{camelContext=\"" + main.getCamelContext().getName()
                                  + "\",component=\"sse\",routeId=\"scraped\"} 2.0"));
                String scrape = get(http, port, "/observe/metrics");
                assertThat(scrape).contains("# TYPE camel_sse_events_delivered_total counter",
                        "# TYPE camel_sse_read_bytes_total counter",
                        "# TYPE camel_sse_reconnects_total counter",
                        "# TYPE camel_sse_permanent_failures_total counter",
                        "# TYPE camel_sse_stream_state gauge",
                        "# TYPE camel_sse_last_event_age_seconds gauge");
                assertThat(scrape).containsPattern("camel_sse_reconnects_total\\{[^}]*cause=\"stream_ended\"[^}]*"
                                                   + "routeId=\"scraped\"} 1.0");
                assertThat(scrape).containsPattern("camel_sse_stream_state\\{[^}]*routeId=\"scraped\","
                                                   + "state=\"connected\"} 1.0");
                assertThat(scrape).doesNotContain("k3y-s3cr3t");

                String console = get(http, port, "/q/dev/sse");
                assertThat(console).contains("scraped", "CONNECTED", "apiKey=xxxxxx").doesNotContain("k3y-s3cr3t");
            } finally {
                main.stop();
            }
        }
    }

    private static String get(HttpClient http, int port, String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : "HTTP " + response.statusCode();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
