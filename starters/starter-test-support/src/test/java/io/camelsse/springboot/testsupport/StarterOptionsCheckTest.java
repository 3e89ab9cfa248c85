/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.springboot.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StarterOptionsCheckTest {

    private static final String PREFIX = "camel.component.demo";

    private static final String COMPONENT_JSON = """
            {
              "component": { "scheme": "demo" },
              "componentProperties": {
                "workerThreads": { "javaType": "int", "defaultValue": 8, "secret": false,
                                   "description": "The threads." },
                "apiKey": { "javaType": "java.lang.String", "secret": true, "description": "The key." }
              }
            }
            """;

    @Test
    void matchingMetadataHasNoProblems() {
        assertThat(StarterOptionsCheck.problems(COMPONENT_JSON, PREFIX, matching())).isEmpty();
    }

    @Test
    void anOptionWithoutAPropertyIsReported() {
        Map<String, JsonObject> metadata = matching();
        metadata.remove(PREFIX + ".api-key");

        assertThat(StarterOptionsCheck.problems(COMPONENT_JSON, PREFIX, metadata))
                .containsExactly("option 'apiKey' has no property camel.component.demo.api-key");
    }

    @Test
    void aPropertyThatIsNoOptionIsReported() {
        Map<String, JsonObject> metadata = matching();
        metadata.put(PREFIX + ".read-timeout", property("java.lang.String", null, "Gone."));

        assertThat(StarterOptionsCheck.problems(COMPONENT_JSON, PREFIX, metadata))
                .containsExactly("property camel.component.demo.read-timeout is not an option of the component");
    }

    @Test
    void typeDefaultAndDescriptionMustMatch() {
        Map<String, JsonObject> metadata = matching();
        metadata.put(PREFIX + ".worker-threads", property("java.lang.Long", 4, "Other threads."));

        assertThat(StarterOptionsCheck.problems(COMPONENT_JSON, PREFIX, metadata)).containsExactly(
                "camel.component.demo.worker-threads is of type java.lang.Long, the option of type java.lang.Integer",
                "camel.component.demo.worker-threads defaults to 4, the option to 8",
                "camel.component.demo.worker-threads is described as \"Other threads.\","
                + " the option as \"The threads.\"");
    }

    @Test
    void aSecretMustBeDescribedAsOne() {
        Map<String, JsonObject> metadata = matching();
        metadata.put(PREFIX + ".api-key", property("java.lang.String", null, "The key."));

        assertThat(StarterOptionsCheck.problems(COMPONENT_JSON, PREFIX, metadata)).singleElement()
                .asString().contains("is a secret option");
    }

    @Test
    void theEnabledFlagOfTheStarterIsNoOption() {
        Map<String, JsonObject> metadata = matching();
        metadata.put(PREFIX + ".enabled", property("java.lang.Boolean", null, "Whether to configure it."));

        assertThat(StarterOptionsCheck.problems(COMPONENT_JSON, PREFIX, metadata)).isEmpty();
    }

    @Test
    void thePrefixComesFromTheAnnotation() {
        assertThat(StarterOptionsCheck.prefixOf(Annotated.class)).isEqualTo(PREFIX);
        assertThatThrownBy(() -> StarterOptionsCheck.prefixOf(String.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, JsonObject> matching() {
        Map<String, JsonObject> metadata = new LinkedHashMap<>();
        metadata.put(PREFIX + ".worker-threads", property("java.lang.Integer", 8, "The threads."));
        metadata.put(PREFIX + ".api-key", property("java.lang.String", null, "The key. Secret: use a placeholder."));
        return metadata;
    }

    private static JsonObject property(String type, Object defaultValue, String description) {
        JsonObject property = new JsonObject();
        property.put("type", type);
        if (defaultValue != null) {
            property.put("defaultValue", defaultValue);
        }
        property.put("description", description);
        return property;
    }

    @ConfigurationProperties(prefix = PREFIX)
    static class Annotated {
    }
}
