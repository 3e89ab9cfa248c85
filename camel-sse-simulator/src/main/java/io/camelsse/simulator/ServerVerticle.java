/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerOptions;

import java.util.concurrent.atomic.AtomicInteger;

/** One HTTP server instance on one event loop; all instances share the port. */
final class ServerVerticle extends AbstractVerticle {

    private final SseSimulator sim;
    private final String host;
    private final int port;
    private final AtomicInteger actualPort;

    ServerVerticle(SseSimulator sim, String host, int port, AtomicInteger actualPort) {
        this.sim = sim;
        this.host = host;
        this.port = port;
        this.actualPort = actualPort;
    }

    @Override
    public void start(Promise<Void> started) {
        Hub hub = new Hub(sim, context, sim.writeCoalescingMillis());
        HttpServerOptions options = new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setTcpNoDelay(true)
                .setReuseAddress(true)
                .setAcceptBacklog(16384)
                .setIdleTimeout(0)
                .setCompressionSupported(false);
        vertx.createHttpServer(options)
                .requestHandler(req -> sim.handler().handle(req, hub))
                .listen()
                .onSuccess(server -> {
                    actualPort.set(server.actualPort());
                    sim.hubStarted(hub);
                    started.complete();
                })
                .onFailure(started::fail);
    }
}
