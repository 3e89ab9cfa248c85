/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.javadsl;

import io.camelsse.component.predicate.FileWatchRepository;
import io.camelsse.component.predicate.PredicateSseComponent;
import io.camelsse.component.predicate.PredicateSseConstants;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * An onboarding service that follows every Predicate session it starts, all in one route: {@code direct:onboard}
 * takes the session ID of a registration (header {@code sessionId}, and {@code verificationType} for KYB) and adds it
 * to the watch set, which answers at once; the {@code predicate-sse:watch} route then approves the wallets when a
 * session is completed and sends a notice when one is rejected. The set is kept in a file, so a restarted service
 * goes on with the sessions still open and does not approve a wallet twice.
 * <p>
 * Needs the properties {@code predicate.base-url}, {@code predicate.api-key} and {@code onboarding.watch-file}.
 */
public class OnboardingWatchRoute extends RouteBuilder {

    private final WalletApprovals approvals;
    private final RejectionNotices notices;

    public OnboardingWatchRoute(WalletApprovals approvals, RejectionNotices notices) {
        this.approvals = approvals;
        this.notices = notices;
    }

    @Override
    public void configure() {
        getCamelContext().getComponent("predicate-sse", PredicateSseComponent.class)
                .setApiKey(getCamelContext().resolvePropertyPlaceholders("{{predicate.api-key}}"));
        getCamelContext().getRegistry().bind("onboardingWatch",
                new FileWatchRepository(
                        getCamelContext().resolvePropertyPlaceholders("{{onboarding.watch-file}}")));

        // the registration call to Predicate happens before: it returns the session ID the user verifies with
        from("direct:onboard").routeId("onboard")
                .setHeader(PredicateSseConstants.SESSION_ID, header("sessionId"))
                .setHeader(PredicateSseConstants.VERIFICATION_TYPE, header("verificationType"))
                .to("predicate-sse:watch?baseUrl={{predicate.base-url}}&watchRepository=#onboardingWatch")
                .setBody(constant("watching"));

        from("predicate-sse:watch?baseUrl={{predicate.base-url}}&watchRepository=#onboardingWatch"
             + "&bridgeErrorHandler=true")
                .routeId("onboarding-outcomes")
                .choice()
                    .when(header(PredicateSseConstants.STATUS).isEqualTo("completed"))
                        .log("Session ${header.CamelPredicateSessionId} completed: approving its wallets")
                        .bean(approvals, "approve")
                    .when(header(PredicateSseConstants.STATUS).isEqualTo("rejected"))
                        .log("Session ${header.CamelPredicateSessionId} rejected: notifying")
                        .bean(notices, "rejected")
                    .otherwise()
                        .log(LoggingLevel.DEBUG,
                                "Session ${header.CamelPredicateSessionId}: ${header.CamelPredicateStatus}")
                .end();
    }
}
