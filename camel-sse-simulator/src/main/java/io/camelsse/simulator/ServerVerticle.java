/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.KeyStoreOptions;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One HTTP server instance on one event loop; all instances share the port. The server can stop and start
 * listening again while the verticle, its hub and the simulator's state stay (see {@link SseSimulator#restart}).
 */
final class ServerVerticle extends AbstractVerticle {

    private final SseSimulator sim;
    private final String host;
    private final int port;
    private final AtomicInteger actualPort;
    private Hub hub;
    private HttpServer server;

    ServerVerticle(SseSimulator sim, String host, int port, AtomicInteger actualPort) {
        this.sim = sim;
        this.host = host;
        this.port = port;
        this.actualPort = actualPort;
    }

    @Override
    public void start(Promise<Void> started) {
        hub = new Hub(sim, context, sim.writeCoalescingMillis());
        listen(port)
                .onSuccess(bound -> {
                    actualPort.set(bound);
                    sim.hubStarted(hub, this);
                    started.complete();
                })
                .onFailure(started::fail);
    }

    /** Drops every stream of this loop and closes its server: its connections and its share of the listening socket. */
    Future<Void> stopListening() {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            hub.closeAll();
            HttpServer s = server;
            server = null;
            if (s == null) {
                done.complete();
            } else {
                s.close().onComplete(done);
            }
        });
        return done.future();
    }

    /** Listens again on the port bound at the first start. */
    Future<Integer> startListening(int boundPort) {
        Promise<Integer> done = Promise.promise();
        context.runOnContext(v -> {
            if (server != null) {
                done.complete(boundPort);
            } else {
                listen(boundPort).onComplete(done);
            }
        });
        return done.future();
    }

    private Future<Integer> listen(int listenPort) {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(host)
                .setPort(listenPort)
                .setTcpNoDelay(true)
                .setReuseAddress(true)
                .setAcceptBacklog(16384)
                .setIdleTimeout(0)
                .setCompressionSupported(false)
                .setHttp2ClearTextEnabled(sim.http2())
                // Vert.x closes a connection that gets 200 RST_STREAM in 30 s as an attack; a client that cancels or
                // is refused many streams at once (a route stopping, a stream limit) does that in a test
                .setHttp2RstFloodMaxRstFramePerWindow(Integer.MAX_VALUE);
        options.getInitialSettings().setMaxConcurrentStreams(sim.maxConcurrentStreamsPerConnection());
        SelfSignedCertificate certificate = sim.serverCertificate();
        if (certificate != null) {
            options.setSsl(true)
                    .setKeyCertOptions(new KeyStoreOptions().setType("PKCS12")
                            .setValue(Buffer.buffer(certificate.keyStorePkcs12()))
                            .setPassword(certificate.password()))
                    .setUseAlpn(sim.http2())
                    .setAlpnVersions(sim.http2() ? List.of(HttpVersion.HTTP_2, HttpVersion.HTTP_1_1) : List.of(HttpVersion.HTTP_1_1));
        }
        return vertx.createHttpServer(options)
                .requestHandler(req -> sim.handler().handle(req, hub))
                .listen()
                .map(s -> {
                    server = s;
                    return s.actualPort();
                });
    }
}
