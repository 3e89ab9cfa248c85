/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.javadsl;

import io.camelsse.component.predicate.PredicateSseConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * Follows one Predicate KYC session and approves the user's wallet once the session is completed: the Java DSL twin
 * of the demo's {@code kyc-status.camel.yaml}.
 * <p>
 * Needs the properties {@code predicate.base-url} and {@code predicate.api-key}.
 */
public class KycStatusRoute extends RouteBuilder {

    private final String sessionId;
    private final WalletApprovals approvals;

    public KycStatusRoute(String sessionId, WalletApprovals approvals) {
        this.sessionId = sessionId;
        this.approvals = approvals;
    }

    @Override
    public void configure() {
        from("predicate-sse:individual/" + sessionId
             + "?baseUrl={{predicate.base-url}}&apiKey={{predicate.api-key}}&bridgeErrorHandler=true")
                .routeId("kyc-status")
                .choice()
                    // only "completed" is verified; "submitted" means documents were sent, not that they passed
                    .when(header(PredicateSseConstants.VERIFIED).isEqualTo(true))
                        .log("${header.CamelPredicateStatus}: the user is verified; approving the wallet")
                        .bean(approvals, "approve")
                    .when(header(PredicateSseConstants.TERMINAL).isEqualTo(true))
                        .log("${header.CamelPredicateStatus}: final, and not verified; nothing is approved")
                    .otherwise()
                        .log("${header.CamelPredicateStatus}: not verified yet, waiting")
                .end();
    }
}
