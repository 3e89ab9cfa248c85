/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One status event of a Predicate verification session: the whole state of the session at that moment. Immutable;
 * fields the API may add later are ignored.
 * <p>
 * Only {@code completed} means the user and the listed {@code verifiedWallets} are verified. A {@code submitted}
 * session is waiting for a manual review and verifies nothing yet.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "sessionId", "status", "userId", "completedAt", "verifiedWallets", "unverifiedWallets" })
public final class PredicateStatusEvent {

    private final String sessionId;
    private final String status;
    private final String userId;
    private final String completedAt;
    private final List<Wallet> verifiedWallets;
    private final List<Wallet> unverifiedWallets;

    @JsonCreator
    public PredicateStatusEvent(@JsonProperty("sessionId") String sessionId, @JsonProperty("status") String status,
                                @JsonProperty("userId") String userId,
                                @JsonProperty("completedAt") String completedAt,
                                @JsonProperty("verifiedWallets") List<Wallet> verifiedWallets,
                                @JsonProperty("unverifiedWallets") List<Wallet> unverifiedWallets) {
        this.sessionId = sessionId;
        this.status = status;
        this.userId = userId;
        this.completedAt = completedAt;
        this.verifiedWallets = copyOf(verifiedWallets);
        this.unverifiedWallets = copyOf(unverifiedWallets);
    }

    private static List<Wallet> copyOf(List<Wallet> wallets) {
        // List.copyOf refuses null elements; a null entry in the payload carries no wallet anyway
        return wallets == null ? List.of() : wallets.stream().filter(Objects::nonNull).toList();
    }

    /** The session ID (a UUID). */
    public String getSessionId() {
        return sessionId;
    }

    /** The status as received, such as {@code pending} or {@code completed}. */
    public String getStatus() {
        return status;
    }

    /** The user ID, when the session has an identity; otherwise null. */
    public String getUserId() {
        return userId;
    }

    /** When the session completed, ISO-8601 as received; null unless completed. */
    public String getCompletedAt() {
        return completedAt;
    }

    /** The user's verified wallets; filled only once the session is {@code completed}. Never null. */
    public List<Wallet> getVerifiedWallets() {
        return verifiedWallets;
    }

    /** Wallets connected to the session but not verified (yet). Never null. */
    public List<Wallet> getUnverifiedWallets() {
        return unverifiedWallets;
    }

    /** The status when it is one of the known ones of either API generation. */
    public Optional<PredicateStatus> knownStatus() {
        return PredicateStatus.of(status);
    }

    /** True for {@code completed}, {@code rejected} and {@code failed}: the session will not change any more. */
    @JsonIgnore
    public boolean isTerminal() {
        return PredicateStatus.isTerminal(status);
    }

    /** True only for {@code completed}. */
    @JsonIgnore
    public boolean isVerified() {
        return PredicateStatus.isVerified(status);
    }

    /** The event as JSON text: the fields in the API's order, absent ones left out. */
    public String toJson() {
        return PredicateStatusEventReader.toJson(this);
    }

    /** The event as a map of the same shape as {@link #toJson()}, wallets as lists of maps. */
    public Map<String, Object> toMap() {
        return PredicateStatusEventReader.toMap(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PredicateStatusEvent other && Objects.equals(sessionId, other.sessionId)
                && Objects.equals(status, other.status) && Objects.equals(userId, other.userId)
                && Objects.equals(completedAt, other.completedAt)
                && verifiedWallets.equals(other.verifiedWallets)
                && unverifiedWallets.equals(other.unverifiedWallets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, status, userId, completedAt, verifiedWallets, unverifiedWallets);
    }

    @Override
    public String toString() {
        return "PredicateStatusEvent[sessionId=" + sessionId + ", status=" + status
               + (userId == null ? "" : ", userId=" + userId)
               + (completedAt == null ? "" : ", completedAt=" + completedAt)
               + ", verifiedWallets=" + verifiedWallets + ", unverifiedWallets=" + unverifiedWallets + "]";
    }
}
