/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads the start of an error response body, for the exception that reports it, and no more: a server cannot make us
 * buffer an unbounded error page.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<String> {

    static final int LIMIT = 8 * 1024;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<String> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    @Override
    public CompletionStage<String> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> chunks) {
        for (ByteBuffer chunk : chunks) {
            int take = Math.min(chunk.remaining(), LIMIT - bytes.size());
            byte[] part = new byte[take];
            chunk.get(part);
            bytes.write(part, 0, take);
        }
        if (bytes.size() >= LIMIT) {
            subscription.cancel();
            complete();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable error) {
        // the status already tells what happened; a body cut short is still worth reporting
        complete();
    }

    @Override
    public void onComplete() {
        complete();
    }

    private void complete() {
        body.complete(bytes.toString(StandardCharsets.UTF_8));
    }
}
