/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonPayloadTest {

    @Test
    void readsFieldsByKindAndTreatsMissingAndNullAlike() throws Exception {
        JsonPayload payload = JsonPayload.parse("{\"name\":\"a\",\"at\":\"2025-01-21T10:30:00Z\",\"ok\":true,"
                                                + "\"score\":0.5,\"gone\":null,\"extra\":{\"x\":[1]}}");

        assertThat(payload.text("name")).isEqualTo("a");
        assertThat(payload.requiredText("name")).isEqualTo("a");
        assertThat(payload.instant("at")).isEqualTo(Instant.parse("2025-01-21T10:30:00Z"));
        assertThat(payload.bool("ok")).isTrue();
        assertThat(payload.number("score")).isEqualTo(0.5);
        assertThat(payload.text("gone")).isNull();
        assertThat(payload.text("absent")).isNull();
        assertThat(payload.bool("gone")).isNull();
        assertThat(payload.number("absent")).isNull();
        assertThat(payload.instant("gone")).isNull();
        assertThat(payload.objects("absent")).isEmpty();
    }

    @Test
    void arraysOfObjectsSkipNullEntriesAndNameTheirFieldsByPath() throws Exception {
        JsonPayload payload = JsonPayload.parse("{\"items\":[{\"id\":\"1\"},null,{\"id\":2}]}");

        List<JsonPayload> items = payload.objects("items");

        assertThat(items).hasSize(2);
        assertThat(items.get(0).text("id")).isEqualTo("1");
        assertThatThrownBy(() -> items.get(1).text("id")).isInstanceOf(JsonPayload.Unreadable.class)
                .hasMessage("field 'items[2].id' should be a string, not number");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            not json                          | not valid JSON (line 1, column 4)
            {"a":"secret value"               | not valid JSON (line 1, column 20)
            {} {}                             | not valid JSON (line 1, column 4)
            ''                                | the data is empty
            [1]                               | a JSON object was expected, not array
            null                              | a JSON object was expected, not null
            "secret value"                    | a JSON object was expected, not string
            """)
    void whatIsNotOneObjectIsNamedWithoutItsText(String json, String problem) {
        assertThatThrownBy(() -> JsonPayload.parse(json)).isInstanceOf(JsonPayload.Unreadable.class)
                .hasMessage(problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"f":42}                          | text         | field 'f' should be a string, not number
            {}                                | requiredText | field 'f' is missing
            {"f":null}                        | requiredText | field 'f' is missing
            {"f":"secret value"}              | instant      | field 'f' is not an ISO-8601 instant
            {"f":"secret value"}              | bool         | field 'f' should be true or false, not string
            {"f":"secret value"}              | number       | field 'f' should be a number, not string
            {"f":"secret value"}              | objects      | field 'f' should be an array, not string
            {"f":["secret value"]}            | objects      | field 'f[0]' should be an object, not string
            """)
    void aFieldOfTheWrongKindIsNamedWithoutItsValue(String json, String reader, String problem) throws Exception {
        JsonPayload payload = JsonPayload.parse(json);

        assertThatThrownBy(() -> {
            switch (reader) {
                case "text" -> payload.text("f");
                case "requiredText" -> payload.requiredText("f");
                case "instant" -> payload.instant("f");
                case "bool" -> payload.bool("f");
                case "number" -> payload.number("f");
                default -> payload.objects("f");
            }
        }).isInstanceOf(JsonPayload.Unreadable.class).hasMessage(problem).hasNoCause();
    }

    @Test
    void anAcceptedPayloadReadsBackAsAMap() {
        assertThat(JsonPayload.toMap("{\"a\":\"b\",\"n\":[1,2]}")).containsEntry("a", "b")
                .containsEntry("n", List.of(1, 2));
    }
}
