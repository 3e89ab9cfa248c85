/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class TlsAndHttp2Test {

    private static SseSimulator tlsSimulator(boolean http2) {
        return SseSimulator.builder().tls(true).http2(http2).keepAliveInterval(Duration.ZERO).eventLoops(2).build().start();
    }

    @Test
    void servesPredicateStreamsOverTlsWithHttp2ChosenThroughAlpn() {
        try (SseSimulator sim = tlsSimulator(true)) {
            assertThat(sim.baseUrl()).startsWith("https://127.0.0.1:");
            PredicateSession session = sim.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();
            JdkSseStream stream = JdkSseStream.predicate(JdkSseStream.client(sim, HttpClient.Version.HTTP_2), session);

            await().atMost(Duration.ofSeconds(10)).until(() -> stream.events() == 1);
            session.advance().advance();
            await().atMost(Duration.ofSeconds(10)).until(stream::ended);

            assertThat(stream.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(stream.data()).hasSize(3);
            assertThat(stream.data().get(2)).contains("\"status\":\"completed\"");
            assertThat(sim.stats().http2Connections()).isEqualTo(1);
            assertThat(sim.stats().streamsPerConnection()).containsExactly(1);
        }
    }

    @Test
    void fallsBackToHttp11ForAClientWithoutHttp2() {
        try (SseSimulator sim = tlsSimulator(true)) {
            PredicateSession session = sim.predicate().createSession();
            JdkSseStream stream = JdkSseStream.predicate(JdkSseStream.client(sim, HttpClient.Version.HTTP_1_1), session);

            await().atMost(Duration.ofSeconds(10)).until(() -> stream.events() == 1);
            assertThat(stream.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(sim.stats().http2Connections()).isZero();
            assertThat(sim.stats().streamConnections()).isEqualTo(1);
        }
    }

    @Test
    void withoutHttp2OffersOnlyHttp11OverTls() {
        try (SseSimulator sim = tlsSimulator(false)) {
            PredicateSession session = sim.predicate().createSession();
            JdkSseStream stream = JdkSseStream.predicate(JdkSseStream.client(sim, HttpClient.Version.HTTP_2), session);

            await().atMost(Duration.ofSeconds(10)).until(() -> stream.events() == 1);
            assertThat(stream.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateFailsTheHandshake() {
        try (SseSimulator sim = tlsSimulator(true)) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_simulator")).build();
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void theCertificateNamesTheLoopbackAndIsAvailableAsPem() throws Exception {
        try (SseSimulator sim = tlsSimulator(true)) {
            X509Certificate cert = sim.certificate();
            List<String> names = cert.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
            assertThat(names).contains("localhost", "127.0.0.1");
            X509Certificate fromPem = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(sim.certificatePemPath())));
            assertThat(fromPem).isEqualTo(cert);
            assertThat(sim.trustStore().getCertificate(sim.trustStore().aliases().nextElement())).isEqualTo(cert);

            // the host name as well as the address is accepted
            HttpClient client = JdkSseStream.client(sim, HttpClient.Version.HTTP_2);
            HttpResponse<String> info = client.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + sim.port() + "/_simulator")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(info.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aPlainSimulatorHasNoTrustMaterial() {
        try (SseSimulator sim = SseSimulator.builder().build().start()) {
            assertThat(sim.isTls()).isFalse();
            assertThat(sim.baseUrl()).startsWith("http://");
            assertThatThrownBy(sim::sslContext).isInstanceOf(IllegalStateException.class).hasMessageContaining("tls(true)");
        }
    }

    @Test
    void aDroppedHttp2StreamLeavesTheOtherStreamsOfItsConnectionAlone() {
        try (SseSimulator sim = tlsSimulator(true)) {
            HttpClient client = JdkSseStream.client(sim, HttpClient.Version.HTTP_2);
            PredicateSession first = sim.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();
            PredicateSession second = sim.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();
            JdkSseStream kept = JdkSseStream.predicate(client, first);
            await().atMost(Duration.ofSeconds(10)).until(() -> kept.events() == 1);
            sim.faults().nextStream(Fault.dropAfterEvents(1));
            JdkSseStream dropped = JdkSseStream.predicate(client, second);

            await().atMost(Duration.ofSeconds(10)).until(() -> dropped.failure() != null);
            first.advance().advance();
            await().atMost(Duration.ofSeconds(10)).until(kept::ended);

            assertThat(kept.failure()).isNull();
            assertThat(kept.data()).hasSize(3);
            assertThat(dropped.data()).hasSize(1);
            assertThat(sim.stats().http2Connections()).isEqualTo(1);
            assertThat(sim.stats().streamsPerConnection()).isEqualTo(List.of(2));
        }
    }

    @Test
    void limitsConcurrentStreamsPerConnection() {
        Vertx vertx = Vertx.vertx();
        try (SseSimulator sim = SseSimulator.builder().tls(true).maxConcurrentStreamsPerConnection(3)
                .keepAliveInterval(Duration.ZERO).build().start()) {
            // the Vert.x client keeps to the server's limit: 7 streams on 3 connections, never 4 on one
            io.vertx.core.http.HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                            .setProtocolVersion(HttpVersion.HTTP_2).setSsl(true).setUseAlpn(true)
                            .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(sim.certificatePem()))),
                    new PoolOptions().setHttp2MaxSize(3));
            List<PredicateSession> sessions = sim.predicate().createSessions(7, b -> b.scriptStart(ScriptStart.MANUAL));
            AtomicInteger firstEvents = new AtomicInteger();
            for (PredicateSession s : sessions) {
                client.request(new RequestOptions().setAbsoluteURI(s.url())
                                .addHeader("Authorization", "Bearer " + SseSimulator.PREDICATE_API_KEY))
                        .compose(req -> req.send())
                        .onSuccess(resp -> resp.handler(b -> firstEvents.incrementAndGet()));
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> firstEvents.get() >= 7);
            assertThat(sim.stats().openStreams()).isEqualTo(7);
            assertThat(sim.stats().maxStreamsOnOneConnection()).isEqualTo(3);
            assertThat(sim.stats().http2Connections()).isEqualTo(3);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
