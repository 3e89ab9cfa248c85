/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.net.URI;
import java.util.Locale;

/**
 * Refuses {@code http://} to a host that is not loopback, so that credentials are never sent in clear by accident.
 */
public final class PlainHttpGuard {

    private PlainHttpGuard() {
    }

    /**
     * @throws IllegalArgumentException when the URI is neither http nor https, or is plain http to a host that is not
     *                                  loopback while plain http is not allowed
     */
    public static void check(URI uri, boolean allowPlainHttp) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Only http and https URLs are supported, not '" + scheme + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("The URL has no host");
        }
        if (scheme.equals("http") && !allowPlainHttp && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("Refusing plain http:// to " + uri.getHost()
                                               + ": use https, or set allowPlainHttp=true if this network is trusted");
        }
    }

    /** Literal loopback names and addresses only: no DNS lookup decides what is safe. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        String[] octets = h.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127")) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
