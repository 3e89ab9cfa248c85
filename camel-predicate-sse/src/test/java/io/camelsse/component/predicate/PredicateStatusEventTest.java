/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PredicateStatusEventTest {

    private static final String SESSION = "550e8400-e29b-41d4-a716-446655440000";
    // the completed event of the vendor's documentation, as the current generation sends it
    private static final String COMPLETED = "{\"sessionId\":\"" + SESSION + "\",\"status\":\"completed\","
                                            + "\"userId\":\"user-uuid-here\",\"completedAt\":\"2025-01-21T10:30:00Z\","
                                            + "\"verifiedWallets\":[{\"id\":\"wallet-uuid-1\",\"address\":\"0x1234...\","
                                            + "\"chain\":\"ethereum\"}],\"unverifiedWallets\":[]}";

    @Test
    void readsTheDocumentedCompletedEvent() throws Exception {
        PredicateStatusEvent event = PredicateStatusEventReader.read(COMPLETED, SESSION);

        assertThat(event.getSessionId()).isEqualTo(SESSION);
        assertThat(event.getStatus()).isEqualTo("completed");
        assertThat(event.getUserId()).isEqualTo("user-uuid-here");
        assertThat(event.getCompletedAt()).isEqualTo("2025-01-21T10:30:00Z");
        assertThat(event.getVerifiedWallets()).containsExactly(new Wallet("wallet-uuid-1", "0x1234...", "ethereum"));
        assertThat(event.getUnverifiedWallets()).isEmpty();
        assertThat(event.isTerminal()).isTrue();
        assertThat(event.isVerified()).isTrue();
        assertThat(event.knownStatus()).contains(PredicateStatus.COMPLETED);
    }

    @Test
    void fieldsAddedLaterAreIgnoredAndMissingWalletListsAreEmpty() throws Exception {
        PredicateStatusEvent event = PredicateStatusEventReader.read("{\"sessionId\":\"" + SESSION + "\",\"status\":\"pending\","
                                                        + "\"riskScore\":0.2,\"nested\":{\"a\":[1,2]}}",
                SESSION);

        assertThat(event.getStatus()).isEqualTo("pending");
        assertThat(event.getUserId()).isNull();
        assertThat(event.getVerifiedWallets()).isEmpty();
        assertThat(event.getUnverifiedWallets()).isEmpty();
    }

    @Test
    void eventsAreEqualWhateverTheFormattingAndFieldOrder() throws Exception {
        String reformatted = "{ \"status\" : \"completed\",\n  \"sessionId\": \"" + SESSION + "\",\n"
                             + "  \"unverifiedWallets\": [ ],\n  \"verifiedWallets\": [ {\"chain\":\"ethereum\","
                             + " \"address\":\"0x1234...\", \"id\":\"wallet-uuid-1\"} ],\n"
                             + "  \"completedAt\":\"2025-01-21T10:30:00Z\", \"userId\":\"user-uuid-here\" }";

        PredicateStatusEvent a = PredicateStatusEventReader.read(COMPLETED, SESSION);
        PredicateStatusEvent b = PredicateStatusEventReader.read(reformatted, SESSION);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(PredicateStatusEventReader.read(COMPLETED.replace("user-uuid-here", "other"), SESSION));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json", "{\"sessionId\":\"x\",\"status\":", "[]", "null", "\"completed\"", "", "{}",
            "{\"sessionId\":\"" + SESSION + "\"}", "{\"sessionId\":\"" + SESSION + "\",\"status\":5}",
            "{\"status\":\"pending\"}",
            "{\"sessionId\":\"" + SESSION + "\",\"status\":\"pending\",\"verifiedWallets\":\"none\"}" })
    void anythingElseIsAnInvalidEventNamingTheSession(String payload) {
        assertThatThrownBy(() -> PredicateStatusEventReader.read(payload, SESSION))
                .isInstanceOfSatisfying(MalformedPredicateEventException.class, e -> {
                    assertThat(e.getSessionId()).isEqualTo(SESSION);
                    assertThat(e.getMessage()).startsWith("Invalid status event on the stream of Predicate session "
                                                          + SESSION + ": ");
                    assertThat(e.getProblem()).isNotBlank();
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"sessionId":"s","status":"pending",                        | not valid JSON (line 1, column 37)
            {"status":"pending"}                                        | field 'sessionId' is missing
            {"sessionId":"s","status":null}                             | field 'status' is missing
            {"sessionId":"s","status":"pending","userId":42}            | field 'userId' should be a string, not number
            {"sessionId":"s","status":"pending","verifiedWallets":{}}   | field 'verifiedWallets' should be an array, not object
            {"sessionId":"s","status":"done","unverifiedWallets":["w"]} | field 'unverifiedWallets[0]' should be an object, not string
            {"sessionId":"s","status":"done","verifiedWallets":[{"chain":1}]} | field 'verifiedWallets[0].chain' should be a string, not number
            """)
    void problemsAreNamedAsForEveryVendorEvent(String payload, String problem) {
        assertThatThrownBy(() -> PredicateStatusEventReader.read(payload, SESSION))
                .isInstanceOfSatisfying(MalformedPredicateEventException.class,
                        e -> assertThat(e.getProblem()).isEqualTo(problem));
    }

    @Test
    void nullWalletEntriesCarryNoWallet() throws Exception {
        PredicateStatusEvent event = PredicateStatusEventReader.read("{\"sessionId\":\"" + SESSION
                                                                     + "\",\"status\":\"completed\","
                                                                     + "\"verifiedWallets\":[null,{\"id\":\"w\"}]}",
                SESSION);

        assertThat(event.getVerifiedWallets()).containsExactly(new Wallet("w", null, null));
    }

    @ParameterizedTest
    @CsvSource({
            "pending, false, false", "submitted, false, false", "in_progress, false, false", "retry, false, false",
            "completed, true, true", "rejected, true, false", "failed, true, false",
            "under_review, false, false", "COMPLETED, true, true", "' failed ', true, false" })
    void terminalAndVerifiedStatusesOfBothGenerations(String status, boolean terminal, boolean verified) {
        assertThat(PredicateStatus.isTerminal(status)).isEqualTo(terminal);
        assertThat(PredicateStatus.isVerified(status)).isEqualTo(verified);
    }

    @Test
    void noStatusIsNeitherTerminalNorVerified() {
        assertThat(PredicateStatus.isTerminal(null)).isFalse();
        assertThat(PredicateStatus.isVerified(null)).isFalse();
        assertThat(PredicateStatus.of("under_review")).isEmpty();
        assertThat(PredicateStatus.IN_PROGRESS.wireName()).isEqualTo("in_progress");
    }

    @Test
    void camelConvertsTheEventToJsonAndToAMap() throws Exception {
        PredicateStatusEvent event = PredicateStatusEventReader.read(COMPLETED, SESSION);
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            assertThat(context.getTypeConverter().mandatoryConvertTo(String.class, event)).isEqualTo(COMPLETED);
            @SuppressWarnings("unchecked")
            Map<String, Object> map = context.getTypeConverter().mandatoryConvertTo(Map.class, event);
            assertThat(map).containsExactly(
                    Map.entry("sessionId", SESSION), Map.entry("status", "completed"),
                    Map.entry("userId", "user-uuid-here"), Map.entry("completedAt", "2025-01-21T10:30:00Z"),
                    Map.entry("verifiedWallets",
                            List.of(Map.of("id", "wallet-uuid-1", "address", "0x1234...", "chain", "ethereum"))),
                    Map.entry("unverifiedWallets", List.of()));
        }
    }

    @Test
    void theEventIsImmutable() throws Exception {
        PredicateStatusEvent event = PredicateStatusEventReader.read(COMPLETED, SESSION);
        assertThatThrownBy(() -> event.getVerifiedWallets().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(event.toString()).contains("status=completed").contains(SESSION);
    }
}
