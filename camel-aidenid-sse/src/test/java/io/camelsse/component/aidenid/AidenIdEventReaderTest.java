/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.time.Instant;
import java.util.Map;

import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading payloads into body classes, and what counts as malformed. */
class AidenIdEventReaderTest {

    @Test
    void missingAndNullFieldsAreNullAndUnknownFieldsAreKept() throws Exception {
        String json = "{\"identity_id\":null,\"confidence\":1,\"new_field\":{\"a\":[true]}}";
        ExtractionCompletedEvent event = (ExtractionCompletedEvent) AidenIdEventReader.read("evt_1",
                "extraction.completed", json);

        assertThat(event.getIdentityId()).isNull();
        assertThat(event.getHasSecret()).isNull();
        assertThat(event.getExtractedAt()).isNull();
        assertThat(event.getConfidence()).isEqualTo(1.0);
        assertThat(event.toJson()).isEqualTo(json);
        assertThat(event.toMap()).containsKey("new_field");
    }

    @Test
    void timesWithAnOffsetAreReadAsInstants() throws Exception {
        IdentityExpiredEvent event = (IdentityExpiredEvent) AidenIdEventReader.read("evt_1", "identity.expired",
                "{\"expired_at\":\"2026-04-06T14:00:00+02:00\"}");
        assertThat(event.getExpiredAt()).isEqualTo(Instant.parse("2026-04-06T12:00:00Z"));
    }

    @Test
    void anUnknownTypeKeepsItsJsonWhateverItsIdentityIdIs() throws Exception {
        String json = "{\"identity_id\":{\"old\":\"a\",\"new\":\"b\"}}";
        AidenIdEvent event = AidenIdEventReader.read("evt_9", "identity.renamed", json);
        assertThat(event).isInstanceOf(UnknownAidenIdEvent.class);
        assertThat(event.getIdentityId()).isNull();
        assertThat(event.toJson()).isEqualTo(json);
        assertThat(AidenIdEventReader.identityId("evt_9", "identity.created", "{\"identity_id\":42}"))
                .as("a raw body needs no field of the right kind").isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            extraction.completed | {"confidence":"high"}           | field 'confidence' should be a number, not string
            extraction.completed | {"has_secret":"yes"}           | field 'has_secret' should be true or false, not string
            identity.created     | {"identity_id":42}             | field 'identity_id' should be a string, not number
            identity.created     | {"created_at":"yesterday"}     | field 'created_at' is not an ISO-8601 instant
            inbound.received     | ["not","an","object"]          | a JSON object was expected, not array
            identity.renewed     | "text"                         | a JSON object was expected, not string
            inbound.received     | {"subject":"secret subject"    | not valid JSON (line 1
            inbound.received     | {} {}                          | not valid JSON
            identity.expired     | ''                             | the data is empty
            """)
    void malformedPayloadIsNamedWithoutQuotingIt(String type, String json, String problem) {
        assertThatThrownBy(() -> AidenIdEventReader.read("evt_9", type, json))
                .isInstanceOfSatisfying(MalformedAidenIdEventException.class, e -> {
                    assertThat(e.getEventId()).isEqualTo("evt_9");
                    assertThat(e.getEventType()).isEqualTo(type);
                    assertThat(e.getMessage()).startsWith("Event 'evt_9' of type '" + type + "'")
                            .contains(problem).doesNotContain("secret subject").doesNotContain("yesterday");
                });
    }

    @Test
    void errorCodeIsTakenOnlyWhenItLooksLikeOne() {
        assertThat(codeOf("{\"code\":\"forbidden\",\"message\":\"x\"}")).isEqualTo("forbidden");
        assertThat(codeOf("{\"code\":\"has spaces\\nand lines\"}")).isNull();
        assertThat(codeOf("<html>Bad gateway</html>")).isNull();
        assertThat(codeOf("")).isNull();
        assertThat(codeOf(null)).isNull();
    }

    @Test
    void theServersMessageIsShortenedAndLosesItsControlCharacters() {
        AidenIdApiException failure = answer(403, "{\"code\":\"forbidden\",\"message\":\"no\\naccess \\\"here\\\"\"}");
        assertThat(failure.getVendorMessage()).isEqualTo("no access  here");
        assertThat(failure.getMessage()).isEqualTo("AidenID answered 403 forbidden (the API key lacks the required"
                                                   + " scope, or has no access to this organization or project: check"
                                                   + " orgId, projectId and the key's scopes) for https://api.aidenid.com"
                                                   + "/v1/realtime/stream; the server says \"no access  here\"");
        assertThat(answer(500, "{\"message\":\"" + "x".repeat(500) + "\"}").getVendorMessage()).hasSize(203);
        assertThat(failure.getStackTrace()).as("an answer, not a place in our code").isEmpty();
    }

    private static String codeOf(String body) {
        return answer(403, body).getCode();
    }

    private static AidenIdApiException answer(int status, String body) {
        return new AidenIdApiException(new HttpOperationFailedException("https://api.aidenid.com/v1/realtime/stream",
                status, "Status", null, Map.of(), body));
    }
}
