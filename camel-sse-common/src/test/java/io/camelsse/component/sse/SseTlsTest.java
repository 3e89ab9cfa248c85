/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Streams over TLS on 127.0.0.1, with a certificate made for the test by the JDK's keytool and trusted through the
 * {@code sslContextParameters} option.
 */
class SseTlsTest extends SseRouteTestSupport {

    private static final String PASSWORD = "test-store-password";

    @TempDir
    static Path keys;
    private static Path keyStore;

    private HttpsServer httpsServer;
    private ExecutorService handlers;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeAll
    static void createCertificate() throws Exception {
        keyStore = keys.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server",
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "san=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    @BeforeEach
    void startHttpsServerAndTrustIt() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keyStore.toFile())) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, PASSWORD.toCharArray());
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers.getKeyManagers(), null, null);

        handlers = Executors.newCachedThreadPool();
        httpsServer = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        httpsServer.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        httpsServer.setExecutor(handlers);
        httpsServer.start();

        KeyStoreParameters trusted = new KeyStoreParameters();
        trusted.setResource("file:" + keyStore);
        trusted.setPassword(PASSWORD);
        trusted.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(trusted);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trustManagers);
        context.getRegistry().bind("tls", tls);
    }

    @AfterEach
    void stopHttpsServer() {
        release.countDown();
        httpsServer.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void eventsArriveOverTlsWithTheTrustStoreOfTheSslContextParameters() throws Exception {
        httpsServer.createContext("/events", streamOf("data: over tls\n\n"));
        route("r", httpsSse("/events", "sslContextParameters=#tls"));

        await().until(() -> received.size() == 1);
        assertThat(bodies()).containsExactly("over tls");
        assertThat(reported).isEmpty();
    }

    @Test
    void aRedirectFromHttpsToPlainHttpIsRefusedAndNothingIsSentInClear() throws Exception {
        String plainTarget = server.url("/events");
        httpsServer.createContext("/events", exchange -> {
            exchange.getResponseHeaders().set("Location", plainTarget);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        route("r", httpsSse("/events", "sslContextParameters=#tls&header.Authorization=RAW(Bearer s3cret)"));

        await().until(() -> reported.size() == 1);
        assertThat(reported.get(0)).hasMessageContaining("a redirect from https to http is never followed");
        await().during(Duration.ofMillis(300)).until(() -> server.requests().isEmpty());
    }

    private String httpsSse(String path, String options) {
        return "sse:https://127.0.0.1:" + httpsServer.getAddress().getPort() + path
               + "?exceptionHandler=#recordingHandler&" + options;
    }

    /** Answers with the given event stream text and holds the stream open until the test ends. */
    private HttpHandler streamOf(String text) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(text.getBytes(StandardCharsets.UTF_8));
                body.flush();
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
