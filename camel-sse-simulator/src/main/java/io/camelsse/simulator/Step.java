/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One step of a Predicate session's scripted timeline: after {@link #delay()} (counted from the
 * previous step, or from the start of the script for the first one) the session takes the given status
 * and, where set, the given user ID, completion time and wallets. Each step pushes exactly one event.
 * Immutable; the {@code with...} methods return a copy.
 *
 * <pre>{@code
 * Step.after(Duration.ofMillis(200), SessionStatus.SUBMITTED),
 * Step.after(Duration.ofMillis(200), "completed").withUserId("user-1")
 * }</pre>
 */
public final class Step {

    private final Duration delay;
    private final String status;
    private final String userId;
    private final String completedAt;
    private final List<SimulatedWallet> verifiedWallets;
    private final List<SimulatedWallet> unverifiedWallets;

    private Step(Duration delay, String status, String userId, String completedAt,
            List<SimulatedWallet> verifiedWallets, List<SimulatedWallet> unverifiedWallets) {
        this.delay = Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        this.status = Objects.requireNonNull(status, "status");
        this.userId = userId;
        this.completedAt = completedAt;
        this.verifiedWallets = verifiedWallets;
        this.unverifiedWallets = unverifiedWallets;
    }

    /** A step that sets the status after the delay. */
    public static Step after(Duration delay, SessionStatus status) {
        return new Step(delay, status.wireName(), null, null, null, null);
    }

    /** A step that sets any status string after the delay. */
    public static Step after(Duration delay, String status) {
        return new Step(delay, status, null, null, null, null);
    }

    /** A copy that also sets {@code userId}. */
    public Step withUserId(String userId) {
        return new Step(delay, status, userId, completedAt, verifiedWallets, unverifiedWallets);
    }

    /** A copy that also sets {@code completedAt}. */
    public Step withCompletedAt(Instant completedAt) {
        return new Step(delay, status, userId, PredicateSession.formatInstant(completedAt), verifiedWallets,
                unverifiedWallets);
    }

    /** A copy that also replaces {@code verifiedWallets}. */
    public Step withVerifiedWallets(SimulatedWallet... wallets) {
        return new Step(delay, status, userId, completedAt, List.of(wallets), unverifiedWallets);
    }

    /** A copy that also replaces {@code unverifiedWallets}. */
    public Step withUnverifiedWallets(SimulatedWallet... wallets) {
        return new Step(delay, status, userId, completedAt, verifiedWallets, List.of(wallets));
    }

    public Duration delay() {
        return delay;
    }

    public String status() {
        return status;
    }

    void applyTo(PredicateSession.Update update) {
        update.status(status);
        if (userId != null) {
            update.userId(userId);
        }
        if (completedAt != null) {
            update.completedAt(completedAt);
        }
        if (verifiedWallets != null) {
            update.verifiedWallets(verifiedWallets);
        }
        if (unverifiedWallets != null) {
            update.unverifiedWallets(unverifiedWallets);
        }
    }

    @Override
    public String toString() {
        return "after " + delay.toMillis() + " ms: " + status;
    }
}
