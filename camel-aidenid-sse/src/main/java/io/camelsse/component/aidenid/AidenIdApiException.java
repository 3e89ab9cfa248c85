/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.util.Map;

import io.camelsse.component.sse.support.VendorApiException;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * An error answer of the AidenID API, such as 401 {@code unauthorized}, 403 {@code forbidden} or 429
 * {@code stream_limit_reached}: still an {@link HttpOperationFailedException} with status, headers and body, plus the
 * vendor's error {@link #getCode() code} and message, also named in the message.
 */
public class AidenIdApiException extends VendorApiException {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> ADVICE = Map.of(
            "unauthorized", "missing or invalid API key: check apiKey",
            "forbidden", "the API key lacks the required scope, or has no access to this organization or project:"
                         + " check orgId, projectId and the key's scopes",
            "stream_limit_reached", "too many concurrent SSE connections for the plan");

    public AidenIdApiException(HttpOperationFailedException failure) {
        super("AidenID", failure, ADVICE);
    }
}
