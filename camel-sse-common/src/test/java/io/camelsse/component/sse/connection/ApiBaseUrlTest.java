/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiBaseUrlTest {

    @Test
    void keepsTheBasePathAndIgnoresTrailingSlashes() {
        assertThat(ApiBaseUrl.streamUri("The baseUrl", "https://api.example.com/proxy//", "/v1/stream", false))
                .hasToString("https://api.example.com/proxy/v1/stream");
        assertThat(ApiBaseUrl.streamUri("The baseUrl", "http://127.0.0.1:8089", "/v1/stream", false))
                .hasToString("http://127.0.0.1:8089/v1/stream");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://api.example.com/?a=b", "https://api.example.com/#top",
            "https://user:secret@api.example.com" })
    void refusesQueryFragmentAndUserInfoWithoutRepeatingTheUrl(String baseUrl) {
        assertThatThrownBy(() -> ApiBaseUrl.streamUri("The baseUrl", baseUrl, "/v1/stream", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The baseUrl must be scheme, host, port and path only: no query, fragment or user info");
    }

    @Test
    void anInvalidUrlIsNamedButNotRepeated() {
        assertThatThrownBy(() -> ApiBaseUrl.streamUri("The baseUrl", "https://secret token@host", "/s", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The baseUrl is not a valid URL")
                .hasMessageNotContaining("secret");
    }

    @Test
    void plainHttpToAnotherHostIsRefused() {
        assertThatThrownBy(() -> ApiBaseUrl.streamUri("The baseUrl", "http://api.example.invalid", "/s", false))
                .hasMessageContaining("Refusing plain http://");
    }
}
