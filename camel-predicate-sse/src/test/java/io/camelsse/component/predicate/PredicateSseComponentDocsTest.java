/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import io.camelsse.component.sse.ComponentDocsTestSupport;

/** docs/predicate-sse-component.adoc against the catalog entry of {@code predicate-sse:}. */
class PredicateSseComponentDocsTest extends ComponentDocsTestSupport {

    PredicateSseComponentDocsTest() {
        super("/META-INF/io/camelsse/component/predicate/predicate-sse.json", "predicate-sse-component.adoc");
    }
}
