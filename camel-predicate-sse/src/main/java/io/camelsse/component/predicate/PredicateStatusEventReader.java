/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsse.component.sse.support.JsonPayload;

/**
 * Reads an event's JSON payload into a {@link PredicateStatusEvent}, field by field as every vendor event is read (see
 * {@link JsonPayload}), and writes one back. The payload must be a JSON object with {@code sessionId} and
 * {@code status} texts; an unknown field is ignored, and one of the wrong kind is reported by name. As for every
 * vendor event, a message names the problem and where it is, never the payload itself.
 */
final class PredicateStatusEventReader {

    // writes only: the event's Jackson annotations give the API's field order and leave absent fields out
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private PredicateStatusEventReader() {
    }

    /**
     * @param  sessionId                        the session of the stream, for the error message
     * @throws MalformedPredicateEventException when the payload is not a JSON object with a sessionId and a status
     */
    static PredicateStatusEvent read(String payload, String sessionId) throws MalformedPredicateEventException {
        try {
            JsonPayload event = JsonPayload.parse(payload);
            return new PredicateStatusEvent(event.requiredText("sessionId"), event.requiredText("status"),
                    event.text("userId"), event.text("completedAt"), wallets(event, "verifiedWallets"),
                    wallets(event, "unverifiedWallets"));
        } catch (JsonPayload.Unreadable unreadable) {
            throw new MalformedPredicateEventException(sessionId, unreadable.getMessage(), null);
        }
    }

    private static List<Wallet> wallets(JsonPayload event, String field) throws JsonPayload.Unreadable {
        List<Wallet> wallets = new ArrayList<>();
        for (JsonPayload wallet : event.objects(field)) {
            wallets.add(new Wallet(wallet.text("id"), wallet.text("address"), wallet.text("chain")));
        }
        return wallets;
    }

    static String toJson(PredicateStatusEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            // a tree of strings and lists always serialises; this would be a bug
            throw new IllegalStateException("Cannot write " + event + " as JSON", e);
        }
    }

    static Map<String, Object> toMap(PredicateStatusEvent event) {
        return MAPPER.convertValue(event, MAP);
    }
}
