/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import io.camelsse.component.sse.ComponentDocsTestSupport;

/** docs/aidenid-sse-component.adoc against the catalog entry of {@code aidenid-sse:}. */
class AidenIdSseComponentDocsTest extends ComponentDocsTestSupport {

    AidenIdSseComponentDocsTest() {
        super("/META-INF/io/camelsse/component/aidenid/aidenid-sse.json", "aidenid-sse-component.adoc");
    }
}
