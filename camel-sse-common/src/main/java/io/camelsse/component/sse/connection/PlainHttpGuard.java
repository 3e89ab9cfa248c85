/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses {@code http://} to a host that is not loopback, so that credentials are never sent in clear by accident.
 * <p>
 * Loopback means: a literal loopback address (127.0.0.0/8, ::1), the name {@code localhost} itself, or a name that
 * resolves to loopback addresses only. A name is not trusted for its spelling: {@code foo.localhost} counts only when
 * it resolves to loopback addresses only, and a name under {@code .invalid} (reserved never to exist) is refused
 * before any lookup.
 */
public final class PlainHttpGuard {

    /** Resolves a host name to all its addresses, as the HTTP client would. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Resolver SYSTEM = InetAddress::getAllByName;
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private PlainHttpGuard() {
    }

    /**
     * @throws IllegalArgumentException when the URI is neither http nor https, or is plain http to a host that is not
     *                                  loopback while plain http is not allowed
     */
    public static void check(URI uri, boolean allowPlainHttp) {
        check(uri, allowPlainHttp, SYSTEM);
    }

    static void check(URI uri, boolean allowPlainHttp, Resolver resolver) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Only http and https URLs are supported, not '" + scheme + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("The URL has no host");
        }
        if (scheme.equals("http") && !allowPlainHttp) {
            String refusal = whyNotLoopback(uri.getHost(), resolver);
            if (refusal != null) {
                throw new IllegalArgumentException("Refusing plain http:// to " + uri.getHost() + " (" + refusal
                                                   + "): use https, or set allowPlainHttp=true if this network is"
                                                   + " trusted");
            }
        }
    }

    /** @return null when the host is loopback, else why it does not count as loopback */
    static String whyNotLoopback(String host, Resolver resolver) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost")) {
            return null;
        }
        if (h.equals("invalid") || h.endsWith(".invalid")) {
            return "a name under .invalid never exists";
        }
        if (h.contains(":") || IPV4_LITERAL.matcher(h).matches()) {
            return isLiteralLoopback(h) ? null : "not a loopback address";
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(h);
        } catch (UnknownHostException e) {
            return "the name does not resolve";
        }
        if (addresses == null || addresses.length == 0) {
            return "the name does not resolve";
        }
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                return "the name does not resolve to loopback addresses only";
            }
        }
        return null;
    }

    private static boolean isLiteralLoopback(String literal) {
        if (!literal.contains(":")) {
            String[] octets = literal.split("\\.");
            for (String octet : octets) {
                if (Integer.parseInt(octet) > 255) {
                    return false;
                }
            }
            return Integer.parseInt(octets[0]) == 127;
        }
        try {
            // brackets make the JDK parse the literal and never look it up
            return InetAddress.getByName("[" + literal + "]").isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
