/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.time.Instant;

/**
 * {@code extraction.completed}: an OTP or verification code was extracted from an inbound e-mail.
 */
public final class ExtractionCompletedEvent extends AidenIdEvent {

    /** The event type this class stands for. */
    public static final String TYPE = "extraction.completed";

    private final String extractionType;
    private final Boolean hasSecret;
    private final String redactedValue;
    private final Double confidence;
    private final Instant extractedAt;

    ExtractionCompletedEvent(String id, String identityId, String extractionType, Boolean hasSecret,
                             String redactedValue, Double confidence, Instant extractedAt, String json) {
        super(id, TYPE, identityId, json);
        this.extractionType = extractionType;
        this.hasSecret = hasSecret;
        this.redactedValue = redactedValue;
        this.confidence = confidence;
        this.extractedAt = extractedAt;
    }

    /**
     * What was extracted: the payload's {@code type} field, such as {@code otp} or {@code link}, or null. (Named so
     * that it does not hide {@link #getType()}, the event type.)
     */
    public String getExtractionType() {
        return extractionType;
    }

    /** {@code has_secret}: whether a secret value was found; null when the payload does not say. */
    public Boolean getHasSecret() {
        return hasSecret;
    }

    /** {@code redacted_value}: the value as the API shows it, masked ({@code ***}); may be null. */
    public String getRedactedValue() {
        return redactedValue;
    }

    /** {@code confidence}, from 0 to 1, or null. */
    public Double getConfidence() {
        return confidence;
    }

    /** {@code extracted_at}, or null. */
    public Instant getExtractedAt() {
        return extractedAt;
    }
}
