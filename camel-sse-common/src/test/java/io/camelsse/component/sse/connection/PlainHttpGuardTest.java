/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Names are resolved through a table here, never through the system resolver: a test must not send a lookup off
 * the machine. The only names that reach the real resolver are under .invalid, which is refused before any lookup.
 */
class PlainHttpGuardTest {

    private final List<String> lookedUp = new ArrayList<>();

    private PlainHttpGuard.Resolver table(Map<String, String[]> names) {
        return host -> {
            lookedUp.add(host);
            String[] literals = names.get(host);
            if (literals == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] addresses = new InetAddress[literals.length];
            for (int i = 0; i < literals.length; i++) {
                addresses[i] = InetAddress.getByName(literals[i]);
            }
            return addresses;
        };
    }

    private final PlainHttpGuard.Resolver noLookups = host -> {
        throw new AssertionError("looked up " + host);
    };

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:8080/x", "http://127.1.2.3/x", "http://127.255.255.255/x",
                             "http://localhost/x", "http://LOCALHOST:1/x", "http://[::1]:9000/x",
                             "http://[0:0:0:0:0:0:0:1]/x", "https://example.invalid/x",
                             "HTTPS://Example.invalid/x" })
    void literalLoopbackAndHttpsAreAllowedWithoutAnyLookup(String url) {
        assertThatCode(() -> PlainHttpGuard.check(URI.create(url), false, noLookups)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://10.0.0.1/x", "http://128.0.0.1/x", "http://[::2]/x", "http://0.0.0.0/x" })
    void otherLiteralAddressesAreRefusedWithoutAnyLookup(String url) {
        assertThatThrownBy(() -> PlainHttpGuard.check(URI.create(url), false, noLookups))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Refusing plain http://")
                .hasMessageContaining("not a loopback address")
                .hasMessageContaining("allowPlainHttp=true");
        assertThatCode(() -> PlainHttpGuard.check(URI.create(url), true, noLookups)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://foo.invalid/x", "http://localhost.invalid/x", "http://127.0.0.1.invalid/x" })
    void namesUnderInvalidAreRefusedBeforeAnyLookup(String url) {
        assertThatThrownBy(() -> PlainHttpGuard.check(URI.create(url), false, noLookups))
                .hasMessageContaining("a name under .invalid never exists");
        // and so with the system resolver as well
        assertThatThrownBy(() -> PlainHttpGuard.check(URI.create(url), false))
                .hasMessageContaining("a name under .invalid never exists");
    }

    @Test
    void aNameUnderLocalhostCountsOnlyWhenItResolvesToLoopbackOnly() {
        PlainHttpGuard.Resolver resolver = table(Map.of(
                "app.localhost", new String[] { "127.0.0.1", "::1" },
                "mixed.localhost", new String[] { "127.0.0.1", "192.0.2.10" },
                "remote.localhost", new String[] { "192.0.2.10" }));

        assertThatCode(() -> PlainHttpGuard.check(URI.create("http://app.localhost:8080/x"), false, resolver))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> PlainHttpGuard.check(URI.create("http://mixed.localhost/x"), false, resolver))
                .hasMessageContaining("Refusing plain http:// to mixed.localhost")
                .hasMessageContaining("does not resolve to loopback addresses only");
        assertThatThrownBy(() -> PlainHttpGuard.check(URI.create("http://remote.localhost/x"), false, resolver))
                .hasMessageContaining("does not resolve to loopback addresses only");
        assertThatThrownBy(() -> PlainHttpGuard.check(URI.create("http://gone.localhost/x"), false, resolver))
                .hasMessageContaining("Refusing plain http:// to gone.localhost (the name does not resolve)");
        assertThat(lookedUp).containsExactly("app.localhost", "mixed.localhost", "remote.localhost",
                "gone.localhost");
    }

    @Test
    void anyNameThatResolvesToLoopbackOnlyCounts() {
        PlainHttpGuard.Resolver resolver = table(Map.of("sandbox", new String[] { "127.0.0.2" }));
        assertThatCode(() -> PlainHttpGuard.check(URI.create("http://sandbox:8080/x"), false, resolver))
                .doesNotThrowAnyException();
    }

    @Test
    void otherSchemesAreRefused() {
        assertThatThrownBy(() -> PlainHttpGuard.check(URI.create("ftp://example.invalid/x"), true))
                .hasMessageContaining("Only http and https");
        assertThatThrownBy(() -> PlainHttpGuard.check(URI.create("file:///etc/passwd"), true))
                .hasMessageContaining("Only http and https");
    }
}
