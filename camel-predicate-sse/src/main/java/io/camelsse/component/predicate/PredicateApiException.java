/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.util.Map;

import io.camelsse.component.sse.support.VendorApiException;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * An error answer of the Predicate API, such as 401 {@code unauthorized} or 404 {@code session_not_found}: still an
 * {@link HttpOperationFailedException} with status, headers and body, plus the vendor's error {@link #getCode() code}
 * and message, also named in the message.
 */
public class PredicateApiException extends VendorApiException {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> ADVICE = Map.of(
            "unauthorized", "missing or invalid API key: check apiKey",
            "session_not_found", "this session ID is unknown to Predicate, or belongs to the other verification"
                                 + " type: check the session ID and individual/business",
            "invalid_type", "the verification type must be individual or business");

    public PredicateApiException(HttpOperationFailedException failure) {
        super("Predicate", failure, ADVICE);
    }
}
