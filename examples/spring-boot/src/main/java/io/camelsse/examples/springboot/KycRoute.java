/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.springboot;

import io.camelsse.component.predicate.PredicateSseConstants;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Follows one Predicate KYC session ({@code kyc.type} and {@code kyc.session-id}) and approves the user's wallet once
 * the session is completed. The API key and base URL come from {@code camel.component.predicate-sse.*}.
 */
@Component
public class KycRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("predicate-sse:{{kyc.type}}/{{kyc.session-id}}")
                .routeId("kyc-status")
                .choice()
                    // only "completed" is verified; "submitted" means documents were sent, not that they passed
                    .when(header(PredicateSseConstants.VERIFIED).isEqualTo(true))
                        .log("${header.CamelPredicateStatus}: the user is verified; approving the wallet")
                        .bean("walletApprovals", "approve")
                    .when(header(PredicateSseConstants.TERMINAL).isEqualTo(true))
                        .log("${header.CamelPredicateStatus}: final, and not verified; nothing is approved")
                    .otherwise()
                        .log("${header.CamelPredicateStatus}: not verified yet, waiting")
                .end();
    }
}
