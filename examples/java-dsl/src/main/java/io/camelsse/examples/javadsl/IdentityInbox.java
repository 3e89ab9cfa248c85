/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.javadsl;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelsse.component.aidenid.AidenIdEvent;
import io.camelsse.component.aidenid.ExtractionCompletedEvent;
import io.camelsse.component.aidenid.InboundReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for what an application does with AidenID events: keeps a line per event it handled. Each method takes
 * the body of an {@code aidenid-sse} exchange, whose class follows the event type.
 */
public class IdentityInbox {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityInbox.class);

    private final List<String> handled = new CopyOnWriteArrayList<>();

    /** {@code extraction.completed}: a code or link was read from an email; a real app would fill it in now. */
    public void codeExtracted(ExtractionCompletedEvent event) {
        LOG.info("A {} was extracted for {} (confidence {})", event.getExtractionType(), event.getIdentityId(),
                event.getConfidence());
        handled.add("code " + event.getExtractionType() + " for " + event.getIdentityId());
    }

    /** {@code inbound.received}: an email arrived. */
    public void emailReceived(InboundReceivedEvent event) {
        LOG.info("An email arrived for {} (event {})", event.getIdentityId(), event.getId());
        handled.add("email from " + event.getFrom() + " to " + event.getIdentityId());
    }

    /** {@code identity.created} and {@code identity.expired}. */
    public void identityChanged(AidenIdEvent event) {
        LOG.info("{}: {}", event.getType(), event.getIdentityId());
        handled.add(event.getType() + " " + event.getIdentityId());
    }

    /** What was handled so far, in order. */
    public List<String> handled() {
        return List.copyOf(handled);
    }
}
