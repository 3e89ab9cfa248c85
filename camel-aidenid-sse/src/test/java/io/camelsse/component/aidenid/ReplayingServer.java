/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A byte-exact event-stream server on 127.0.0.1 for what the simulator does not do: replaying events a client has
 * already seen, as a server with at-least-once replay may. Each connection gets the next scripted body and is then
 * closed; the last script stays open until the server is closed.
 */
final class ReplayingServer implements AutoCloseable {

    private final ServerSocket socket;
    private final ConcurrentLinkedQueue<String> bodies = new ConcurrentLinkedQueue<>();
    private final List<String> lastEventIds = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    ReplayingServer(String... scriptedBodies) throws IOException {
        bodies.addAll(List.of(scriptedBodies));
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptAll, "replaying-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** The Last-Event-ID of each request, in order; "" when a request had none. */
    List<String> lastEventIds() {
        return new ArrayList<>(lastEventIds);
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                Thread serving = new Thread(() -> serve(client), "replaying-server-connection");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException closing) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            String lastEventId = "";
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.toLowerCase(Locale.ROOT).startsWith("last-event-id:")) {
                    lastEventId = line.substring("last-event-id:".length()).trim();
                }
            }
            lastEventIds.add(lastEventId);
            String body = bodies.poll();
            boolean holdOpen = bodies.isEmpty();
            OutputStream out = client.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                       + "Connection: close\r\n\r\n" + (body == null ? "" : body)).getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (holdOpen) {
                closed.await();
            }
        } catch (IOException | InterruptedException ended) {
            // the client went away or the server is closing
        }
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        socket.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
