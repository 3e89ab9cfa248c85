/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A client whose requests wait for a {@link ConnectPacer} slot before they go out, and which tells the pacer of every
 * 429 answer. The stream that uses it sees an ordinary client: its reconnects are paced as well as its first connect.
 * Cancelling a request that still waits gives its slot up.
 */
final class PacedHttpClient extends HttpClient {

    private static final int TOO_MANY_REQUESTS = 429;

    private final HttpClient delegate;
    private final ConnectPacer pacer;
    private final boolean firstAnswerFirst;
    // completes with the first answer of a client that waits for it
    private final CompletableFuture<Void> firstAnswer = new CompletableFuture<>();
    private final AtomicBoolean firstSent = new AtomicBoolean();

    /**
     * @param firstAnswerFirst hold every request back until the first one is answered. The JDK client pools an
     *                         HTTP/2 connection only once it is established: requests sent before that each open
     *                         a connection of their own, which then stays open for the life of their stream.
     */
    PacedHttpClient(HttpClient delegate, ConnectPacer pacer, boolean firstAnswerFirst) {
        this.delegate = delegate;
        this.pacer = pacer;
        this.firstAnswerFirst = firstAnswerFirst;
        if (!firstAnswerFirst) {
            firstAnswer.complete(null);
        }
    }

    HttpClient delegate() {
        return delegate;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                                                            HttpResponse.BodyHandler<T> bodyHandler) {
        return sendAsync(request, bodyHandler, null);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                                                            HttpResponse.BodyHandler<T> bodyHandler,
                                                            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        CompletableFuture<HttpResponse<T>> result = new CompletableFuture<>();
        boolean opener = firstAnswerFirst && firstSent.compareAndSet(false, true);
        HttpResponse.BodyHandler<T> handler = bodyHandler;
        if (opener) {
            // an event stream's future completes only when the stream ends: the response head is the answer
            handler = info -> {
                firstAnswer.complete(null);
                return bodyHandler.apply(info);
            };
            result.whenComplete((r, e) -> firstAnswer.complete(null));
        }
        HttpResponse.BodyHandler<T> sentHandler = handler;
        CompletableFuture<Void> slot = opener || firstAnswer.isDone() ? pacer.nextSlot()
                : firstAnswer.thenCompose(answered -> pacer.nextSlot());
        slot.whenComplete((granted, refused) -> {
            if (refused != null) {
                result.completeExceptionally(refused);
                return;
            }
            if (result.isDone()) {
                return;
            }
            CompletableFuture<HttpResponse<T>> sent = delegate.sendAsync(request, sentHandler, pushPromiseHandler);
            result.whenComplete((r, e) -> {
                if (result.isCancelled()) {
                    sent.cancel(true);
                }
            });
            sent.whenComplete((response, error) -> {
                if (response != null && response.statusCode() == TOO_MANY_REQUESTS) {
                    pacer.tooManyRequests();
                }
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(response);
                }
            });
        });
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) {
                slot.cancel(false);
            }
        });
        return result;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> bodyHandler)
            throws IOException, InterruptedException {
        slotOrFail();
        HttpResponse<T> response = delegate.send(request, bodyHandler);
        if (response.statusCode() == TOO_MANY_REQUESTS) {
            pacer.tooManyRequests();
        }
        return response;
    }

    private void slotOrFail() throws IOException, InterruptedException {
        try {
            pacer.nextSlot().get();
        } catch (ExecutionException e) {
            throw new IOException("No connection slot: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
