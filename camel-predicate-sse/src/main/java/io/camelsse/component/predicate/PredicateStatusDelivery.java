/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import io.camelsse.component.sse.event.ServerSentEvent;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one status event of one session into the body and headers of a message, or decides it is not delivered. The
 * single-session consumer and the watch both use it, so both deliver exactly the same exchanges.
 */
final class PredicateStatusDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(PredicateStatusDelivery.class);

    private PredicateStatusDelivery() {
    }

    /**
     * @param  lastDelivered                    the last status delivered for this session, or null
     * @return                                  the status to deliver, or null when it is not delivered (unchanged, or
     *                                          not terminal with terminalOnly)
     * @throws MalformedPredicateEventException when the data is not a status event; the message then carries the
     *                                          data as it came, for the error handler
     */
    static PredicateStatusEvent populate(ServerSentEvent event, Message message, String sessionId, String type,
                                         PredicateSseConfiguration config, PredicateStatusEvent lastDelivered)
            throws MalformedPredicateEventException {
        message.setHeader(PredicateSseConstants.SESSION_ID, sessionId);
        message.setHeader(PredicateSseConstants.VERIFICATION_TYPE, type);
        // should the data not be a status event, the error handler still gets it as it came
        message.setBody(event.data());

        PredicateStatusEvent status = PredicateStatusEventReader.read(event.data(), sessionId);
        if (config.isSkipUnchanged() && status.equals(lastDelivered)) {
            LOG.debug("Predicate session {}: status '{}' unchanged since the last event delivered, not delivered again",
                    sessionId, status.getStatus());
            return null;
        }
        if (config.isTerminalOnly() && !status.isTerminal()) {
            LOG.debug("Predicate session {}: status '{}' is not terminal, not delivered (terminalOnly)",
                    sessionId, status.getStatus());
            return null;
        }
        message.setHeader(PredicateSseConstants.STATUS, status.getStatus());
        message.setHeader(PredicateSseConstants.TERMINAL, status.isTerminal());
        message.setHeader(PredicateSseConstants.VERIFIED, status.isVerified());
        if (status.getUserId() != null) {
            message.setHeader(PredicateSseConstants.USER_ID, status.getUserId());
        }
        if (status.getCompletedAt() != null) {
            message.setHeader(PredicateSseConstants.COMPLETED_AT, status.getCompletedAt());
        }
        if (!config.isRawPayload()) {
            message.setBody(status);
        }
        return status;
    }
}
