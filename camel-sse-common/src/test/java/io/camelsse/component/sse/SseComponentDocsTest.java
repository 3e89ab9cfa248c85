/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

/** docs/sse-component.adoc against the catalog entry of {@code sse:}. */
class SseComponentDocsTest extends ComponentDocsTestSupport {

    SseComponentDocsTest() {
        super("/META-INF/io/camelsse/component/sse/sse.json", "sse-component.adoc");
    }
}
