/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * An error answer of the AidenID API, such as 401 {@code unauthorized}, 403 {@code forbidden} or 429
 * {@code stream_limit_reached}: still an {@link HttpOperationFailedException} with status, headers and body, plus the
 * vendor's error {@link #getCode() code}, also named in the message.
 */
public class AidenIdApiException extends HttpOperationFailedException {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    // a code is an identifier; anything else from a server is not repeated in messages and logs
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Map<String, String> MEANINGS = Map.of(
            "unauthorized", "missing or invalid API key",
            "forbidden", "the API key lacks the required scope, or has no access to this organization or project",
            "stream_limit_reached", "too many concurrent SSE connections for the plan");

    private final String code;

    public AidenIdApiException(HttpOperationFailedException failure) {
        super(failure.getUri(), failure.getStatusCode(), failure.getStatusText(), failure.getRedirectLocation(),
                failure.getResponseHeaders(), failure.getResponseBody());
        this.code = codeOf(failure.getResponseBody());
        setStackTrace(failure.getStackTrace());
    }

    /** The {@code code} of the JSON error body, such as {@code forbidden}; null when the body has none. */
    public String getCode() {
        return code;
    }

    @Override
    public String getMessage() {
        StringBuilder message = new StringBuilder("AidenID answered ").append(getStatusCode()).append(' ');
        if (code == null) {
            message.append(getStatusText());
        } else {
            message.append(code);
            String meaning = MEANINGS.get(code);
            if (meaning != null) {
                message.append(" (").append(meaning).append(')');
            }
        }
        return message.append(" for ").append(getUri()).toString();
    }

    static String codeOf(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode code = MAPPER.readTree(body).path("code");
            return code.isTextual() && CODE.matcher(code.textValue()).matches() ? code.textValue() : null;
        } catch (Exception notJson) {
            return null;
        }
    }
}
