/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.net.URI;

/**
 * Which redirects a stream follows: at most {@link #MAX_REDIRECTS} in a row, never from https to http, and never to a
 * plain-http host that is not allowed. Headers are kept to the stream's origin by {@link RequestFactory}.
 */
final class RedirectPolicy {

    static final int MAX_REDIRECTS = 10;

    private final boolean allowPlainHttp;

    RedirectPolicy(boolean allowPlainHttp) {
        this.allowPlainHttp = allowPlainHttp;
    }

    /**
     * @param  from                     the URL that answered with the redirect
     * @param  location                 its {@code Location} header, trimmed and not empty
     * @param  redirectsSoFar           redirects followed in a row before this one
     * @return                          where to connect next
     * @throws IllegalArgumentException saying why the redirect is not followed
     */
    URI follow(URI from, String location, int redirectsSoFar) {
        URI target = from.resolve(location);
        if (redirectsSoFar >= MAX_REDIRECTS) {
            throw new IllegalArgumentException("more than " + MAX_REDIRECTS + " redirects in a row");
        }
        if ("https".equalsIgnoreCase(from.getScheme()) && "http".equalsIgnoreCase(target.getScheme())) {
            throw new IllegalArgumentException("a redirect from https to http is never followed");
        }
        PlainHttpGuard.check(target, allowPlainHttp);
        return target;
    }
}
