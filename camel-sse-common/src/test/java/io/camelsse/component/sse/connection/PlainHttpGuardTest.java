/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlainHttpGuardTest {

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:8080/x", "http://127.1.2.3/x", "http://localhost/x",
                             "http://[::1]:9000/x", "https://example.com/x", "HTTPS://Example.com/x" })
    void allowed(String url) {
        assertThatCode(() -> PlainHttpGuard.check(URI.create(url), false)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://example.com/x", "http://10.0.0.1/x", "http://127.0.0.1.example.com/x",
                             "http://128.0.0.1/x", "http://[::2]/x" })
    void refusedWithoutOptIn(String url) {
        assertThatThrownBy(() -> PlainHttpGuard.check(URI.create(url), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Refusing plain http://")
                .hasMessageContaining("allowPlainHttp=true");
        assertThatCode(() -> PlainHttpGuard.check(URI.create(url), true)).doesNotThrowAnyException();
    }

    @Test
    void otherSchemesAreRefused() {
        assertThatThrownBy(() -> PlainHttpGuard.check(URI.create("ftp://example.com/x"), true))
                .hasMessageContaining("Only http and https");
        assertThatThrownBy(() -> PlainHttpGuard.check(URI.create("file:///etc/passwd"), true))
                .hasMessageContaining("Only http and https");
    }
}
