/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.util.Locale;
import java.util.Optional;

/**
 * The session statuses of both Predicate API generations. The current one ({@code api.identity.predicate.io}) sends
 * {@code pending, submitted, completed, rejected, retry}; the earlier one ({@code api.kyc.predicate.io}) sends
 * {@code pending, in_progress, completed, failed}.
 * <p>
 * A status outside this list is still delivered as received; it is simply not terminal.
 */
public enum PredicateStatus {

    /** Session created; the user is going through verification. */
    PENDING("pending", false),
    /** Documents submitted and waiting for a manual review. The wallet is not verified yet. */
    SUBMITTED("submitted", false),
    /** Earlier generation: verification under way. */
    IN_PROGRESS("in_progress", false),
    /** A fixable problem (a blurry document, say): the user can try again. */
    RETRY("retry", false),
    /** Verified: the only status that verifies the user's wallets. */
    COMPLETED("completed", true),
    /** Current generation: verification failed for good (fraud, sanctions). */
    REJECTED("rejected", true),
    /** Earlier generation: verification failed for good. */
    FAILED("failed", true);

    private final String wireName;
    private final boolean terminal;

    PredicateStatus(String wireName, boolean terminal) {
        this.wireName = wireName;
        this.terminal = terminal;
    }

    /** The status as the API writes it, such as {@code in_progress}. */
    public String wireName() {
        return wireName;
    }

    /** True when the session will not change any more. */
    public boolean isTerminal() {
        return terminal;
    }

    /** The known status with this name (case and surrounding blanks ignored), or empty for one we do not know. */
    public static Optional<PredicateStatus> of(String status) {
        if (status == null) {
            return Optional.empty();
        }
        String name = status.trim().toLowerCase(Locale.ROOT);
        for (PredicateStatus known : values()) {
            if (known.wireName.equals(name)) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }

    /** True for {@code completed}, {@code rejected} and {@code failed}; false for any other status, known or not. */
    public static boolean isTerminal(String status) {
        return of(status).map(PredicateStatus::isTerminal).orElse(false);
    }

    /** True only for {@code completed}: a {@code submitted} session is under review, not verified. */
    public static boolean isVerified(String status) {
        return of(status).filter(s -> s == COMPLETED).isPresent();
    }
}
