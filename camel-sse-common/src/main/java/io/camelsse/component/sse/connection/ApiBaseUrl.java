/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The stream URL of a vendor API: its base URL, which users may point at a proxy or a sandbox, followed by the path
 * of the stream. One place refuses what cannot be a base URL, so every vendor component checks the same way.
 */
public final class ApiBaseUrl {

    private ApiBaseUrl() {
    }

    /**
     * @param  what                     how messages name the setting, such as {@code The Predicate baseUrl}
     * @param  baseUrl                  scheme, host, port and an optional path; trailing slashes are ignored
     * @param  streamPath               the path after the base URL, starting with {@code /}
     * @throws IllegalArgumentException when the base URL is not a valid URL, has a query, fragment or user info, or is
     *                                  refused by the {@link PlainHttpGuard}; the message never repeats the URL
     */
    public static URI streamUri(String what, String baseUrl, String streamPath, boolean allowPlainHttp) {
        URI base;
        try {
            base = new URI(baseUrl);
        } catch (URISyntaxException e) {
            // the cause's message would repeat the URL, which may hold something private; the reason is enough
            throw new IllegalArgumentException(what + " is not a valid URL: " + e.getReason());
        }
        if (base.getRawQuery() != null || base.getRawFragment() != null || base.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    what + " must be scheme, host, port and path only: no query, fragment or user info");
        }
        PlainHttpGuard.check(base, allowPlainHttp);
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path + streamPath);
    }
}
