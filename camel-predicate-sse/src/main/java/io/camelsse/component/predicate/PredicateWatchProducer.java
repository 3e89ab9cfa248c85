/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds a session to a watch set, or removes it, and returns at once: the watch consumer streams it. The session is
 * header {@code CamelPredicateSessionId}, or else the body; its type is header {@code CamelPredicateVerificationType}
 * ({@code individual} when absent); header {@code CamelPredicateWatchAction} is {@code add} (default) or
 * {@code remove}. Session IDs are taken in lower case, since a UUID is the same in either. Adding a session already
 * watched, or removing one that is not, changes nothing. A refused ID or a full set fails the exchange and changes
 * nothing.
 */
public class PredicateWatchProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(PredicateWatchProducer.class);

    public PredicateWatchProducer(PredicateSseEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public PredicateSseEndpoint getEndpoint() {
        return (PredicateSseEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String sessionId = message.getHeader(PredicateSseConstants.SESSION_ID, String.class);
        if (sessionId == null) {
            sessionId = message.getBody(String.class);
        }
        sessionId = sessionId == null ? null : sessionId.trim();
        PredicateSseEndpoint.requireSessionUuid(sessionId);
        // a UUID is the same in either case: one session is watched once, and removed in whatever case it was added
        sessionId = sessionId.toLowerCase(Locale.ROOT);
        WatchSet set = getEndpoint().watchSet();
        String action = message.getHeader(PredicateSseConstants.WATCH_ACTION, "add", String.class)
                .toLowerCase(Locale.ROOT);
        switch (action) {
            case "add" -> {
                String type = message.getHeader(PredicateSseConstants.VERIFICATION_TYPE, "individual", String.class);
                PredicateSseEndpoint.requireVerificationType(type);
                if (set.add(sessionId, type)) {
                    LOG.debug("Predicate session {} ({}) added to watch set '{}'", sessionId, type, set.name());
                }
            }
            case "remove" -> {
                if (set.remove(sessionId)) {
                    LOG.debug("Predicate session {} removed from watch set '{}'", sessionId, set.name());
                }
            }
            default -> throw new IllegalArgumentException("Header " + PredicateSseConstants.WATCH_ACTION
                                                          + " must be 'add' or 'remove', not '"
                                                          + action.replaceAll("[^A-Za-z0-9_-]", "?") + "'");
        }
    }
}
