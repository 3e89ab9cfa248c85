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
        URI target = resolve(from, location);
        if (redirectsSoFar >= MAX_REDIRECTS) {
            throw new IllegalArgumentException("more than " + MAX_REDIRECTS + " redirects in a row");
        }
        if ("https".equalsIgnoreCase(from.getScheme()) && "http".equalsIgnoreCase(target.getScheme())) {
            throw new IllegalArgumentException("a redirect from https to http is never followed");
        }
        PlainHttpGuard.check(target, allowPlainHttp);
        return target;
    }

    /**
     * Resolves a {@code Location} against the URL that sent it as RFC 3986 says (RFC 9110 refers to it).
     * {@link URI#resolve} follows RFC 2396 instead, which differs twice: a reference made of a query only
     * ({@code ?page=2}) replaces the last path segment, where RFC 3986 keeps the whole path; and {@code ..} segments
     * that climb above the root stay in the path, where RFC 3986 drops them.
     */
    static URI resolve(URI base, String location) {
        URI reference = URI.create(location);
        boolean queryOnly = !reference.isAbsolute() && reference.getRawAuthority() == null
                            && reference.getRawPath().isEmpty() && reference.getRawQuery() != null;
        if (queryOnly) {
            return withPath(base, base.getRawPath(), reference.getRawQuery(), reference.getRawFragment());
        }
        URI target = base.resolve(reference).normalize();
        String path = target.getRawPath();
        if (path == null || !path.startsWith("/..")) {
            return target;
        }
        while (path.startsWith("/../")) {
            path = path.substring(3);
        }
        if (path.equals("/..")) {
            path = "/";
        }
        return withPath(target, path, target.getRawQuery(), target.getRawFragment());
    }

    private static URI withPath(URI uri, String rawPath, String rawQuery, String rawFragment) {
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + (rawPath.isEmpty() ? "/" : rawPath)
                          + (rawQuery == null ? "" : "?" + rawQuery) + (rawFragment == null ? "" : "#" + rawFragment));
    }
}
