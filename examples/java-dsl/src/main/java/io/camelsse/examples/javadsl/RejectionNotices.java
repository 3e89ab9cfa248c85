/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.javadsl;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelsse.component.predicate.PredicateSseConstants;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A stand-in for the notice a rejected session sends (an e-mail, a ticket): keeps the session IDs. */
public class RejectionNotices {

    private static final Logger LOG = LoggerFactory.getLogger(RejectionNotices.class);

    private final List<String> sent = new CopyOnWriteArrayList<>();

    public void rejected(@Header(PredicateSseConstants.SESSION_ID) String sessionId) {
        LOG.info("Telling the onboarding team that session {} was rejected", sessionId);
        sent.add(sessionId);
    }

    /** The sessions notified so far. */
    public List<String> sent() {
        return List.copyOf(sent);
    }
}
