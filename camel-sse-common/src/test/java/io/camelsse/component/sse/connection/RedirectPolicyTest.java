/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A relative {@code Location} is resolved as RFC 3986 says, with its own examples (section 5.4). */
class RedirectPolicyTest {

    private static final URI BASE = URI.create("http://a/b/c/d;p?q");

    @ParameterizedTest
    @CsvSource({
            "g, http://a/b/c/g",
            "./g, http://a/b/c/g",
            "g/, http://a/b/c/g/",
            "/g, http://a/g",
            "//g, http://g",
            "?y, http://a/b/c/d;p?y",
            "g?y, http://a/b/c/g?y",
            "#s, http://a/b/c/d;p?q#s",
            "g?y#s, http://a/b/c/g?y#s",
            "g;x?y#s, http://a/b/c/g;x?y#s",
            "., http://a/b/c/",
            "./, http://a/b/c/",
            "../g, http://a/b/g",
            "../.., http://a/",
            "../../g, http://a/g",
            "../../../g, http://a/g",
            "../../../../g, http://a/g",
            "/./g, http://a/g",
            "/../g, http://a/g",
            "g.., http://a/b/c/g..",
            "..g, http://a/b/c/..g",
            "./g/., http://a/b/c/g/",
            "g/../h, http://a/b/c/h",
            "g;x=1/../y, http://a/b/c/y",
            "https://other.example/x?y, https://other.example/x?y",
    })
    void relativeLocationsResolveAsRfc3986Says(String location, String expected) {
        assertThat(RedirectPolicy.resolve(BASE, location)).hasToString(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:8080/events/stream, ?page=2, http://127.0.0.1:8080/events/stream?page=2",
            "http://127.0.0.1:8080, ?page=2, http://127.0.0.1:8080/?page=2",
            "http://127.0.0.1:8080/a/b, ../../../x, http://127.0.0.1:8080/x",
            "http://127.0.0.1:8080/a%20b/c, d%2Fe, http://127.0.0.1:8080/a%20b/d%2Fe",
    })
    void followKeepsTheEncodingAndThePort(String from, String location, String expected) {
        assertThat(new RedirectPolicy(false).follow(URI.create(from), location, 0)).hasToString(expected);
    }
}
