/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Takes the AidenID project events of the four types the inbox handles; the component's {@code eventTypes} filter
 * keeps the others out. Key, organization, project and base URL come from {@code camel.component.aidenid-sse.*}.
 */
@Component
public class AidenIdRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("aidenid-sse:stream"
             + "?eventTypes=identity.created,identity.expired,extraction.completed,inbound.received")
                .routeId("aidenid-events")
                .bean("identityInbox", "receive");
    }
}
