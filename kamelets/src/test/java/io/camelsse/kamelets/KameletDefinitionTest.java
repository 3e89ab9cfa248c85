/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.kamelets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/**
 * The parts of each Kamelet that catalogs, Camel K and users read: metadata and icon, a schema whose properties match
 * what the template uses, defaults that match the component's, the component's options covered, dependencies on this
 * project's artifacts, and docs/kamelets.md naming them all.
 */
class KameletDefinitionTest {

    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    static Stream<SourceKamelet> kamelets() {
        return SourceKamelet.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void describesASourceWithItsMetadataAndIcon(SourceKamelet k) throws Exception {
        Map<String, Object> kamelet = k.definition();
        assertThat(kamelet).containsEntry("apiVersion", "camel.apache.org/v1").containsEntry("kind", "Kamelet");
        Map<String, Object> metadata = Yaml.map(kamelet, "metadata");
        assertThat(metadata).containsEntry("name", k.name());
        assertThat(Yaml.map(metadata, "labels")).containsEntry("camel.apache.org/kamelet.type", "source");
        Map<String, Object> annotations = Yaml.map(metadata, "annotations");
        assertThat(annotations)
                .containsKeys("camel.apache.org/kamelet.support.level", "camel.apache.org/kamelet.group",
                        "camel.apache.org/kamelet.namespace")
                .containsEntry("camel.apache.org/provider", "Camel SSE Connectors")
                .containsEntry("camel.apache.org/catalog.version", System.getProperty("project.version"));

        String icon = (String) annotations.get("camel.apache.org/kamelet.icon");
        String prefix = "data:image/svg+xml;base64,";
        assertThat(icon).as("icon").startsWith(prefix);
        byte[] svg = Base64.getDecoder().decode(icon.substring(prefix.length()));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg)).getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo(SVG_NAMESPACE);
        assertThat(root.getAttribute("viewBox")).isNotEmpty();

        Map<String, Object> spec = Yaml.map(kamelet, "spec");
        assertThat(Yaml.map(spec, "types")).isEqualTo(Map.of("out", Map.of("mediaType", k.mediaType())));
        List<Map<String, Object>> steps = Yaml.list(Yaml.map(Yaml.map(spec, "template"), "from"), "steps");
        assertThat(steps.get(steps.size() - 1)).isEqualTo(Map.of("to", "kamelet:sink"));
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void declaresExactlyThePropertiesItsTemplateUses(SourceKamelet k) throws Exception {
        Map<String, Object> definition = k.schema();
        assertThat(definition).containsKeys("title", "description").containsEntry("type", "object");
        assertThat(Yaml.<String>list(definition, "required")).containsExactlyElementsOf(k.required());
        Map<String, Map<String, Object>> properties = k.properties();

        Set<String> used = k.placeholders(false);
        Set<String> usedOptionally = k.placeholders(true);
        Set<String> usedAtAll = new TreeSet<>(used);
        usedAtAll.addAll(usedOptionally);
        assertThat(usedAtAll).as("properties the template uses").containsExactlyInAnyOrderElementsOf(
                properties.keySet());

        properties.forEach((name, schema) -> {
            assertThat(schema).as(name).containsKeys("title", "description", "type");
            assertThat(schema.get("type")).as(name + " type").isIn("string", "integer", "boolean");
            if (k.required().contains(name)) {
                assertThat(schema).as("required %s has no default", name).doesNotContainKey("default");
                assertThat(used).as("required %s is used as {{%s}}", name, name).contains(name);
            } else if (schema.containsKey("default")) {
                assertThat(used).as("%s has a default, so {{%s}}", name, name).contains(name);
            } else {
                // a property without a default must be optional in the template, or the Kamelet fails without it
                assertThat(usedOptionally).as("%s has no default, so {{?%s}}", name, name).contains(name);
                assertThat(used).as(name).doesNotContain(name);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void marksEveryCredentialAsASecret(SourceKamelet k) throws Exception {
        Map<String, Map<String, Object>> properties = k.properties();
        assertThat(k.secrets()).isNotEmpty();
        for (String secret : k.secrets()) {
            assertThat(properties.get(secret)).as(secret).containsEntry("format", "password");
            assertThat(Yaml.<String>list(properties.get(secret), "x-descriptors")).as(secret)
                    .contains("urn:alm:descriptor:com.tectonic.ui:password", "urn:camel:group:credentials");
            JsonNode option = k.componentOptions().get(secret);
            assertThat(option.path("secret").asBoolean()).as("%s is secret in the component", secret).isTrue();
        }
        k.componentOptions().forEach((option, json) -> {
            if (json.path("secret").asBoolean() && properties.containsKey(option)) {
                assertThat(k.secrets()).as("the component's secret option %s", option).contains(option);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void coversEveryUsefulOptionOfItsComponent(SourceKamelet k) throws Exception {
        Map<String, JsonNode> options = k.componentOptions();
        Set<String> passed = k.templateOptions();
        assertThat(options.keySet()).as("the options the template sets are the component's").containsAll(passed);
        assertThat(options.keySet()).as("deliberately left out").containsAll(k.omitted().keySet());

        Set<String> missing = new TreeSet<>(options.keySet());
        missing.removeAll(passed);
        missing.removeAll(k.omitted().keySet());
        assertThat(missing).as("options of %s neither in the Kamelet nor deliberately left out", k.scheme()).isEmpty();
        Set<String> both = new TreeSet<>(passed);
        both.retainAll(k.omitted().keySet());
        assertThat(both).as("left out and yet set").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void givesTheComponentsDefaults(SourceKamelet k) throws Exception {
        Map<String, JsonNode> options = k.componentOptions();
        k.properties().forEach((name, schema) -> {
            JsonNode option = options.get(name);
            if (option == null || !schema.containsKey("default")) {
                return;
            }
            Object expected = option.path("defaultValue").isMissingNode() ? null : option.get("defaultValue").asText();
            assertThat(String.valueOf(schema.get("default"))).as("default of %s", name).isEqualTo(expected);
        });
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void dependsOnThisProjectsArtifactAtItsVersion(SourceKamelet k) throws Exception {
        List<String> dependencies = Yaml.list(Yaml.map(k.definition(), "spec"), "dependencies");
        assertThat(dependencies).contains("camel:core", "camel:kamelet");
        List<String> maven = dependencies.stream().filter(d -> d.startsWith("mvn:")).toList();
        assertThat(maven).containsExactly("mvn:io.camelsse:" + k.artifact() + ":" + System.getProperty("project.version"));
        assertThat(Path.of("..", k.artifact(), "pom.xml")).as("a module of this repository").exists();
        assertThat(Path.of("..", k.artifact(), "src/generated/resources").resolve(k.componentJson().substring(1)))
                .as("the artifact holds the component").exists();
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void isDocumentedPropertyByProperty(SourceKamelet k) throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "kamelets.md"), StandardCharsets.UTF_8);
        String heading = "### `" + k.name() + "`";
        assertThat(doc).contains(heading);
        int start = doc.indexOf(heading);
        int end = doc.indexOf("\n### ", start + heading.length());
        String section = end < 0 ? doc.substring(start) : doc.substring(start, end);
        for (String property : k.properties().keySet()) {
            assertThat(section).as("docs/kamelets.md, %s", k.name()).contains("| `" + property + "` |");
        }
        for (String option : k.omitted().keySet()) {
            assertThat(section).as("docs/kamelets.md, %s, left out", k.name()).contains("`" + option + "`");
        }
        assertThat(Path.of("examples", k.name() + "-pipe.yaml")).as("a Pipe example").exists();
    }
}
