/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import javax.net.ssl.SSLException;

import io.camelsse.component.sse.parser.EventTooLargeException;

/**
 * Says in words what went wrong with a connection, for log lines and health details: "connection refused" rather than
 * {@code ConnectException}, "the server closed the connection in the middle of an event" rather than a chunked-encoding
 * state. The words never hold a secret: no header and no body is quoted.
 */
public final class FailureDescription {

    private FailureDescription() {
    }

    /**
     * @param failure the cause of a failed attempt or of a lost stream; null when the server ended the body itself
     */
    public static String of(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause == null) {
            return "the server ended the stream";
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "no connection within the connect timeout";
        }
        if (cause instanceof HttpTimeoutException) {
            String message = cause.getMessage();
            return message != null && message.startsWith("no data") ? message
                    : "no answer within the read timeout";
        }
        if (cause instanceof ConnectException) {
            return "connection refused: nothing listens on that host and port, or a firewall refused it";
        }
        if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
            return "the host name cannot be resolved";
        }
        if (cause instanceof SSLException) {
            return tlsFailure(cause);
        }
        if (cause instanceof EventTooLargeException) {
            return cause.getMessage();
        }
        if (cause instanceof HttpStatusException http) {
            return "the server answered " + http.statusCode() + " " + http.statusText();
        }
        if (cause instanceof EOFException || isConnectionLoss(cause)) {
            return "the server closed the connection before the stream ended";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static String tlsFailure(Throwable cause) {
        String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("unrecognized ssl message") || message.contains("plaintext")) {
            return "TLS handshake failed: the server does not speak TLS on this port (an https:// URL to a plain"
                   + " http port?)";
        }
        if (message.contains("certificate") || message.contains("pkix")) {
            return "TLS handshake failed: the server's certificate is not trusted (configure sslContextParameters)";
        }
        return "TLS handshake failed: " + cause.getMessage();
    }

    private static boolean isConnectionLoss(Throwable cause) {
        if (!(cause instanceof java.io.IOException)) {
            return false;
        }
        String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("chunked transfer encoding") || message.contains("eof reached")
               || message.contains("connection reset") || message.contains("connection closed")
               || message.contains("closed") || message.contains("broken pipe");
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        // the JDK client wraps the interesting cause in an IOException of its own at times
        if (t != null && t.getClass() == java.io.IOException.class && t.getCause() != null
                && (t.getCause() instanceof ConnectException || t.getCause() instanceof SSLException)) {
            return t.getCause();
        }
        return t;
    }
}
