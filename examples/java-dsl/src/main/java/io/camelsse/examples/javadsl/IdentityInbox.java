/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.javadsl;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A stand-in for what an application does with AidenID events: keeps a line per event it handled. */
public class IdentityInbox {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityInbox.class);

    private final List<String> handled = new CopyOnWriteArrayList<>();

    /** {@code extraction.completed}: a code or link was read from an email; a real app would fill it in now. */
    public void codeExtracted(@Header("CamelAidenIdIdentityId") String identityId, @Body Map<String, Object> payload) {
        LOG.info("Code of type {} extracted for {} (confidence {})", payload.get("type"), identityId,
                payload.get("confidence"));
        handled.add("code " + payload.get("type") + " for " + identityId);
    }

    /** {@code inbound.received}: an email arrived. */
    public void emailReceived(@Header("CamelAidenIdIdentityId") String identityId, @Body Map<String, Object> payload) {
        LOG.info("Email from {} to {}: {}", payload.get("from"), identityId, payload.get("subject"));
        handled.add("email from " + payload.get("from") + " to " + identityId);
    }

    /** {@code identity.created} and {@code identity.expired}. */
    public void identityChanged(@Header("CamelSseEventType") String type,
                                @Header("CamelAidenIdIdentityId") String identityId) {
        LOG.info("{}: {}", type, identityId);
        handled.add(type + " " + identityId);
    }

    /** What was handled so far, in order. */
    public List<String> handled() {
        return List.copyOf(handled);
    }
}
