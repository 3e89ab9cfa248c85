/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import io.camelsse.component.sse.ComponentPropertiesTestSupport;

/** The component.properties of {@code camel-aidenid-sse}, see {@link ComponentPropertiesTestSupport}. */
class AidenIdSseComponentPropertiesTest extends ComponentPropertiesTestSupport {

    AidenIdSseComponentPropertiesTest() {
        super("camel-aidenid-sse", "aidenid-sse");
    }
}
