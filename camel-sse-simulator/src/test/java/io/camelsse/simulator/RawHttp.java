/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A raw HTTP/1.1 client on a socket, for checks on the bytes and chunks the server writes. */
final class RawHttp {

    /** What was read: status line, header lines, each body chunk, and how the body ended. */
    record Response(String statusLine, List<String> headerLines, List<byte[]> chunks, boolean complete, boolean eof) {

        String body() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            chunks.forEach(out::writeBytes);
            return out.toString(StandardCharsets.UTF_8);
        }

        String header(String name) {
            for (String h : headerLines) {
                int c = h.indexOf(':');
                if (c > 0 && h.substring(0, c).trim().equalsIgnoreCase(name)) {
                    return h.substring(c + 1).trim();
                }
            }
            return null;
        }
    }

    private RawHttp() {
    }

    /** Sends a GET and reads the chunked response until it ends, the connection closes, or the timeout passes. */
    static Response get(int port, String path, int timeoutMillis, String... headers) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(timeoutMillis);
            StringBuilder req = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAccept: text/event-stream\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                req.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            req.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = line(in);
            List<String> headerLines = new ArrayList<>();
            String h;
            while ((h = line(in)) != null && !h.isEmpty()) {
                headerLines.add(h);
            }
            List<byte[]> chunks = new ArrayList<>();
            try {
                while (true) {
                    String size = line(in);
                    if (size == null) {
                        return new Response(status, headerLines, chunks, false, true);
                    }
                    int n = Integer.parseInt(size.trim(), 16);
                    if (n == 0) {
                        line(in);
                        return new Response(status, headerLines, chunks, true, false);
                    }
                    byte[] data = in.readNBytes(n);
                    if (data.length < n) {
                        chunks.add(data);
                        return new Response(status, headerLines, chunks, false, true);
                    }
                    chunks.add(data);
                    line(in);
                }
            } catch (SocketTimeoutException e) {
                return new Response(status, headerLines, chunks, false, false);
            }
        }
    }

    /** One line without its CR LF; null at the end of the stream when nothing of a line was read. */
    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.US_ASCII);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
    }
}
