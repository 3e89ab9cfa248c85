/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

/** The component.properties of {@code camel-sse-common}, see {@link ComponentPropertiesTestSupport}. */
class SseComponentPropertiesTest extends ComponentPropertiesTestSupport {

    SseComponentPropertiesTest() {
        super("camel-sse-common", "sse");
    }
}
