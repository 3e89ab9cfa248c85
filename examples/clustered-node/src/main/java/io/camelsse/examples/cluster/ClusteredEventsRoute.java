/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.cluster;

import org.apache.camel.builder.RouteBuilder;

/**
 * The AidenID project stream, consumed by one replica at a time: {@code master:} lets only the replica that holds the
 * leadership of namespace {@code aidenid-events} run the consumer, and the position lives in the
 * {@code positions} bean (a file on a volume every replica mounts), so the next leader resumes where the last one
 * stopped.
 */
public class ClusteredEventsRoute extends RouteBuilder {

    private final String nodeName;
    private final String baseUrl;

    public ClusteredEventsRoute(String nodeName, String baseUrl) {
        this.nodeName = nodeName;
        this.baseUrl = baseUrl;
    }

    @Override
    public void configure() {
        from("master:aidenid-events:aidenid-sse:stream?baseUrl=" + baseUrl
             + "&apiKey={{aidenid.api-key}}&orgId={{aidenid.org-id}}&projectId={{aidenid.project-id}}"
             + "&lastEventIdRepository=#positions")
                .routeId("aidenid-events")
                // make the work idempotent on CamelSseEventId: a killed leader may leave one event to do again
                .log("${header.CamelSseEventId} ${header.CamelSseEventType} processed by " + nodeName);
    }
}
