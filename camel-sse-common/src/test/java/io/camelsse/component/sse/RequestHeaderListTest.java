/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestHeaderListTest {

    @Test
    void pairsKeepTheirNamesExactlyAndTheirValuesTrimmed() {
        assertThat(RequestHeaderList.parse("requestHeaders", " X-Org-Id: org_sim ,X-Project-Id:p1, x-api-key: a&b"))
                .containsExactly(Map.entry("X-Org-Id", "org_sim"), Map.entry("X-Project-Id", "p1"),
                        Map.entry("x-api-key", "a&b"));
    }

    @Test
    void aCommaNotFollowedByANameAndAColonBelongsToTheValue() {
        assertThat(RequestHeaderList.parse("requestHeaders",
                "Accept-Language: en, fr;q=0.8, Authorization: Bearer a:b, If-None-Match: \"x\", W/\"y\""))
                .containsExactly(Map.entry("Accept-Language", "en, fr;q=0.8"),
                        Map.entry("Authorization", "Bearer a:b"), Map.entry("If-None-Match", "\"x\", W/\"y\""));
    }

    @Test
    void emptyTextMeansNoHeadersAndAnEmptyValueIsAValue() {
        assertThat(RequestHeaderList.parse("requestHeaders", null)).isEmpty();
        assertThat(RequestHeaderList.parse("requestHeaders", "  ")).isEmpty();
        assertThat(RequestHeaderList.parse("requestHeaders", "X-Empty:")).containsExactly(Map.entry("X-Empty", ""));
    }

    @Test
    void textThatDoesNotStartWithANameIsRefusedWithoutShowingIt() {
        for (String text : new String[] { "s3cret-value", ": s3cret-value", ", X-A: s3cret-value",
                                          "X A: s3cret-value" }) {
            assertThatThrownBy(() -> RequestHeaderList.parse("requestHeaders", text))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("requestHeaders must be Name: value pairs separated by commas")
                    .message().doesNotContain("s3cret");
        }
    }
}
