/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.builder.endpoint;

import io.camelsse.builder.endpoint.dsl.AidenIdSseEndpointBuilderFactory.AidenIdSseBuilders;
import io.camelsse.builder.endpoint.dsl.PredicateSseEndpointBuilderFactory.PredicateSseBuilders;
import io.camelsse.builder.endpoint.dsl.SseEndpointBuilderFactory.SseBuilders;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/**
 * An {@link EndpointRouteBuilder} that also knows this project's components: {@code sse(url)},
 * {@code predicateSse(type + "/" + sessionId)} and {@code aidenidSse("stream")} next to Camel's own
 * endpoint builders.
 *
 * <pre>{@code
 * public class MyRoutes extends SseEndpointRouteBuilder {
 *     public void configure() {
 *         from(predicateSse("individual/" + sessionId).apiKey("{{predicate.api-key}}"))
 *             .log("${body}");
 *     }
 * }
 * }</pre>
 *
 * A route builder that must extend another class can implement {@link AidenIdSseBuilders},
 * {@link PredicateSseBuilders} and {@link SseBuilders} itself, or use the static methods of
 * {@link StaticEndpointBuilders}.
 */
public abstract class SseEndpointRouteBuilder extends EndpointRouteBuilder
        implements AidenIdSseBuilders, PredicateSseBuilders, SseBuilders {

    /** A route builder for the default Camel context. */
    protected SseEndpointRouteBuilder() {
    }
}
