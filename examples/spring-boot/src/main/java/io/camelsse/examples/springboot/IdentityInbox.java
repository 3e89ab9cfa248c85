/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.springboot;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelsse.component.aidenid.AidenIdEvent;
import io.camelsse.component.aidenid.ExtractionCompletedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Where the AidenID events end up: logs each and keeps them, in order. */
@Service
public class IdentityInbox {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityInbox.class);

    private final List<AidenIdEvent> received = new CopyOnWriteArrayList<>();

    /** Called with the body of an {@code aidenid-sse} exchange: a typed event. */
    public void receive(AidenIdEvent event) {
        if (event instanceof ExtractionCompletedEvent code) {
            LOG.info("{}: a code of type {} was read from an e-mail to {} (event {})", event.getType(),
                    code.getExtractionType(), event.getIdentityId(), event.getId());
        } else {
            LOG.info("{}: identity {} (event {})", event.getType(), event.getIdentityId(), event.getId());
        }
        received.add(event);
    }

    /** The events received so far, oldest first. */
    public List<AidenIdEvent> received() {
        return List.copyOf(received);
    }
}
