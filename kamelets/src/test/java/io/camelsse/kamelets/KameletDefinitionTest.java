/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.kamelets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The parts of each Kamelet that catalogs and tools read: names, schema, secrets, dependencies. */
class KameletDefinitionTest {

    @ParameterizedTest
    @CsvSource({
        "predicate-sse-source, camel-predicate-sse, 'sessionId,apiKey'",
        "aidenid-sse-source, camel-aidenid-sse, 'apiKey,orgId,projectId'"
    })
    @SuppressWarnings("unchecked")
    void describesASourceWithASecretKeyAndItsComponent(String name, String artifact, String required) throws Exception {
        Map<String, Object> kamelet;
        try (InputStream in = getClass().getResourceAsStream("/kamelets/" + name + ".kamelet.yaml")) {
            assertThat(in).as("kamelets/%s.kamelet.yaml on the classpath", name).isNotNull();
            kamelet = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        }
        assertThat(kamelet).containsEntry("apiVersion", "camel.apache.org/v1").containsEntry("kind", "Kamelet");
        Map<String, Object> metadata = (Map<String, Object>) kamelet.get("metadata");
        assertThat(metadata).containsEntry("name", name);
        assertThat((Map<String, Object>) metadata.get("labels"))
                .containsEntry("camel.apache.org/kamelet.type", "source");
        assertThat((Map<String, Object>) metadata.get("annotations"))
                .containsKeys("camel.apache.org/kamelet.support.level", "camel.apache.org/catalog.version",
                        "camel.apache.org/provider", "camel.apache.org/kamelet.group");

        Map<String, Object> spec = (Map<String, Object>) kamelet.get("spec");
        Map<String, Object> definition = (Map<String, Object>) spec.get("definition");
        assertThat(definition).containsKeys("title", "description").containsEntry("type", "object");
        assertThat((List<String>) definition.get("required")).containsExactly(required.split(","));
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) definition.get("properties");
        properties.forEach((property, schema) -> assertThat(schema).as(property).containsKeys("title", "description",
                "type"));
        assertThat(properties.get("apiKey")).containsEntry("format", "password");
        assertThat((List<String>) properties.get("apiKey").get("x-descriptors"))
                .contains("urn:camel:group:credentials");

        assertThat((Map<String, Object>) spec.get("types"))
                .isEqualTo(Map.of("out", Map.of("mediaType", "application/json")));
        assertThat((List<String>) spec.get("dependencies")).contains("camel:kamelet",
                "mvn:io.camelsse:" + artifact + ":" + System.getProperty("project.version"));

        Map<String, Object> from = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("from");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) from.get("steps");
        assertThat(steps.get(steps.size() - 1)).isEqualTo(Map.of("to", "kamelet:sink"));
        // the key goes to the component's apiKey option, which Camel masks wherever it shows the URI
        assertThat((Map<String, Object>) from.get("parameters")).containsEntry("apiKey", "{{apiKey}}");
    }
}
