/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.net.URI;

import io.camelsse.component.sse.connection.StreamRequest;

/**
 * The checked access to Predicate's status streams that every session of one endpoint shares: where the streams are
 * and the API key, if one is set. Built from the endpoint's options once they passed every check.
 */
final class PredicateApi {

    private final URI streamBase;
    private final String apiKey;

    /**
     * @param streamBase the base URL followed by the streams' path, ending with {@code /}
     * @param apiKey     printable ASCII, or null when none is set
     */
    PredicateApi(URI streamBase, String apiKey) {
        this.streamBase = streamBase;
        this.apiKey = apiKey;
    }

    /** http or https, as the base URL says. */
    String scheme() {
        return streamBase.getScheme();
    }

    /** @throws IllegalArgumentException when no API key is set */
    void requireApiKey() {
        if (apiKey == null) {
            throw new IllegalArgumentException(
                    "No Predicate API key: set apiKey on the predicate-sse component or endpoint");
        }
    }

    /**
     * The request for a session whose type and ID were checked.
     *
     * @throws IllegalArgumentException when no API key is set
     */
    StreamRequest sessionRequest(String type, String sessionId) {
        requireApiKey();
        return StreamRequest.to(URI.create(streamBase + type + "/" + sessionId))
                .credential("Authorization", "Bearer " + apiKey).build();
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "PredicateApi[" + streamBase + "]";
    }
}
