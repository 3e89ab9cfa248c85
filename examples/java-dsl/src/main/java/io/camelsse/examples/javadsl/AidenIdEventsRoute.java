/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.javadsl;

import io.camelsse.component.aidenid.AidenIdSseConstants;
import io.camelsse.component.aidenid.ExtractionCompletedEvent;
import io.camelsse.component.aidenid.InboundReceivedEvent;
import org.apache.camel.builder.RouteBuilder;

/**
 * Takes AidenID project events of four types and sends each type its own way: the Java DSL twin of the demo's
 * {@code aidenid-events.camel.yaml}.
 * <p>
 * Needs the properties {@code aidenid.base-url}, {@code aidenid.api-key}, {@code aidenid.org-id} and
 * {@code aidenid.project-id}.
 */
public class AidenIdEventsRoute extends RouteBuilder {

    private final IdentityInbox inbox;

    public AidenIdEventsRoute(IdentityInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void configure() {
        from("aidenid-sse:stream?baseUrl={{aidenid.base-url}}&apiKey={{aidenid.api-key}}"
             + "&orgId={{aidenid.org-id}}&projectId={{aidenid.project-id}}"
             + "&eventTypes=identity.created,identity.expired,extraction.completed,inbound.received"
             + "&bridgeErrorHandler=true")
                .routeId("aidenid-events")
                .choice()
                    .when(header(AidenIdSseConstants.EVENT_TYPE).isEqualTo(ExtractionCompletedEvent.TYPE))
                        .bean(inbox, "codeExtracted")
                    .when(header(AidenIdSseConstants.EVENT_TYPE).isEqualTo(InboundReceivedEvent.TYPE))
                        .bean(inbox, "emailReceived")
                    .when(header(AidenIdSseConstants.EVENT_TYPE).startsWith("identity."))
                        .bean(inbox, "identityChanged")
                .end();
    }
}
