/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * An error answer of a vendor's API, such as 401 {@code unauthorized} or 404 {@code session_not_found}: still an
 * {@link HttpOperationFailedException} with status, headers and body, plus the error {@link #getCode() code} and
 * {@link #getVendorMessage() message} of the JSON body, and words on what to do. Both vendor components read the same
 * way: {@code Predicate answered 404 session_not_found (this session ID is unknown to Predicate: check it) for <url>;
 * the server says "Session not found"}.
 * <p>
 * Its stack trace is not filled in: it is an answer from a server, and where our code noticed it says nothing.
 */
public class VendorApiException extends HttpOperationFailedException implements DescribedFailure {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    // a code is an identifier; anything else from a server is shown only after it passed these checks
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final int MAX_VENDOR_MESSAGE = 200;

    private final String vendor;
    private final String code;
    private final String vendorMessage;
    private final String advice;

    /**
     * @param vendor  the vendor's name as people say it, such as {@code AidenID}
     * @param failure the answer
     * @param advice  words on each error code: what it means and what to do; a code not listed gets none
     */
    protected VendorApiException(String vendor, HttpOperationFailedException failure, Map<String, String> advice) {
        super(failure.getUri(), failure.getStatusCode(), failure.getStatusText(), failure.getRedirectLocation(),
                failure.getResponseHeaders(), failure.getResponseBody());
        this.vendor = vendor;
        JsonNode body = jsonOf(failure.getResponseBody());
        this.code = codeOf(body);
        this.vendorMessage = messageOf(body);
        this.advice = code == null ? null : advice.get(code);
    }

    /** The {@code code} of the JSON error body, such as {@code forbidden}; null when the body has none. */
    public String getCode() {
        return code;
    }

    /** The {@code message} of the JSON error body, shortened and without control characters; null when none. */
    public String getVendorMessage() {
        return vendorMessage;
    }

    /** What happened, without the URL: {@code AidenID answered 401 unauthorized (missing or invalid API key)}. */
    @Override
    public String describe() {
        StringBuilder words = new StringBuilder(vendor).append(" answered ").append(getStatusCode()).append(' ');
        words.append(code == null ? getStatusText() : code);
        if (advice != null) {
            words.append(" (").append(advice).append(')');
        }
        return words.toString();
    }

    @Override
    public String getMessage() {
        String message = describe() + " for " + getUri();
        return vendorMessage == null ? message : message + "; the server says \"" + vendorMessage + "\"";
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    private static JsonNode jsonOf(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (Exception notJson) {
            return null;
        }
    }

    private static String codeOf(JsonNode body) {
        JsonNode code = body == null ? null : body.path("code");
        return code != null && code.isTextual() && CODE.matcher(code.textValue()).matches() ? code.textValue() : null;
    }

    private static String messageOf(JsonNode body) {
        JsonNode message = body == null ? null : body.path("message");
        if (message == null || !message.isTextual() || message.textValue().isBlank()) {
            return null;
        }
        String text = message.textValue().replaceAll("[\\p{Cntrl}\"]", " ").strip();
        return text.length() <= MAX_VENDOR_MESSAGE ? text : text.substring(0, MAX_VENDOR_MESSAGE) + "...";
    }
}
