/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.javadsl;

import java.time.Duration;

import io.camelsse.component.predicate.PredicateSseConstants;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * A registration step that waits for the outcome of a KYC session: a request with the {@code sessionId} header goes
 * to {@code direct:registration}, and the reply body is {@code approved}, {@code declined} or {@code timeout}.
 * <p>
 * {@code pollEnrich} opens the session's stream with {@code terminalOnly=true}, so the first (and only) event it gets
 * is the final status; the stream closes after it. Needs {@code predicate.base-url} and {@code predicate.api-key}.
 */
public class KycOutcomeRoute extends RouteBuilder {

    /** Header of the reply: the final Predicate status, or {@code timeout}. */
    public static final String OUTCOME_HEADER = "KycOutcome";

    private final Duration timeout;

    public KycOutcomeRoute(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void configure() {
        from("direct:registration")
                .routeId("registration")
                .pollEnrich()
                    .simple("predicate-sse:individual/${header.sessionId}?terminalOnly=true"
                            + "&baseUrl={{predicate.base-url}}&apiKey={{predicate.api-key}}")
                    .timeout(timeout.toMillis())
                    // one stream per session: do not keep consumers of finished sessions around
                    .cacheSize(-1)
                    .aggregationStrategy(new KeepRequestHeaders())
                .choice()
                    .when(header(OUTCOME_HEADER).isEqualTo("timeout"))
                        .setBody(constant("timeout"))
                    .when(header(PredicateSseConstants.VERIFIED).isEqualTo(true))
                        .setBody(constant("approved"))
                    .otherwise()
                        .setBody(constant("declined"))
                .end();
    }

    /** The request keeps its headers and gains the status headers; no event within the timeout is an outcome too. */
    static final class KeepRequestHeaders implements AggregationStrategy {
        @Override
        public Exchange aggregate(Exchange request, Exchange status) {
            if (status == null) {
                request.getMessage().setHeader(OUTCOME_HEADER, "timeout");
                return request;
            }
            request.getMessage().getHeaders().putAll(status.getMessage().getHeaders());
            request.getMessage().setHeader(OUTCOME_HEADER, status.getMessage().getHeader(PredicateSseConstants.STATUS));
            request.getMessage().setBody(status.getMessage().getBody());
            return request;
        }
    }
}
