/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import io.camelsse.component.sse.ComponentPropertiesTestSupport;

/** The component.properties of {@code camel-predicate-sse}, see {@link ComponentPropertiesTestSupport}. */
class PredicateSseComponentPropertiesTest extends ComponentPropertiesTestSupport {

    PredicateSseComponentPropertiesTest() {
        super("camel-predicate-sse", "predicate-sse");
    }
}
