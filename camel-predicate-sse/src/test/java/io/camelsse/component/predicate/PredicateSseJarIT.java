/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What Camel and its tooling need from the packaged jar. Runs after packaging. */
class PredicateSseJarIT {

    private static final String PACKAGE = "io/camelsse/component/predicate/";

    @Test
    void theJarShipsTheGeneratedCodeAndTheComponentJson() throws IOException {
        Path jar = Path.of(System.getProperty("predicate.jar", "target/camel-predicate-sse-1.0.0-SNAPSHOT.jar"));
        assertThat(jar).exists();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String entry : new String[] {
                    PACKAGE + "PredicateSseComponentConfigurer.class", PACKAGE + "PredicateSseEndpointConfigurer.class",
                    PACKAGE + "PredicateSseEndpointUriFactory.class", PACKAGE + "PredicateStatusEventConverterLoader.class" }) {
                assertThat(file.getEntry(entry)).as(entry).isNotNull();
            }
            assertThat(text(file, "META-INF/services/org/apache/camel/component/predicate-sse"))
                    .contains("class=io.camelsse.component.predicate.PredicateSseComponent");
            assertThat(text(file, "META-INF/services/org/apache/camel/urifactory/predicate-sse-endpoint"))
                    .contains("io.camelsse.component.predicate.PredicateSseEndpointUriFactory");
            assertThat(text(file, "META-INF/services/org/apache/camel/configurer/predicate-sse-component"))
                    .contains("io.camelsse.component.predicate.PredicateSseComponentConfigurer");
            assertThat(text(file, "META-INF/services/org/apache/camel/configurer/predicate-sse-endpoint"))
                    .contains("io.camelsse.component.predicate.PredicateSseEndpointConfigurer");
            assertThat(text(file, "META-INF/services/org/apache/camel/TypeConverterLoader"))
                    .contains("io.camelsse.component.predicate.PredicateStatusEventConverterLoader");

            JsonNode json = new ObjectMapper().readTree(text(file, "META-INF/" + PACKAGE + "predicate-sse.json"));
            assertThat(json.at("/component/scheme").asText()).isEqualTo("predicate-sse");
            assertThat(json.at("/component/syntax").asText()).isEqualTo("predicate-sse:type/sessionId");
            // predicate-sse:watch has a producer
            assertThat(json.at("/component/consumerOnly").asBoolean()).isFalse();
            assertThat(json.at("/properties/maxSessions/defaultValue").asText()).isEqualTo("10000");
            assertThat(json.at("/properties/maxConnectsPerSecond/defaultValue").asText()).isEqualTo("50");
            assertThat(json.at("/properties/maxStreamsPerClient/defaultValue").asText()).isEqualTo("90");
            assertThat(json.at("/properties/watchRepository/javaType").asText())
                    .isEqualTo("io.camelsse.component.predicate.WatchRepository");
            assertThat(json.at("/headers/CamelPredicateWatchAction/enum").toString()).isEqualTo("[\"add\",\"remove\"]");
            assertThat(json.at("/componentProperties/apiKey/secret").asBoolean()).isTrue();
            assertThat(json.at("/componentProperties/baseUrl/defaultValue").asText())
                    .isEqualTo("https://api.identity.predicate.io");
            assertThat(json.at("/properties/apiKey/secret").asBoolean()).isTrue();
            assertThat(json.at("/properties/type/enum").toString()).isEqualTo("[\"individual\",\"business\",\"watch\"]");
            for (Map.Entry<String, String> option : Map.of("closeOnTerminal", "true", "terminalOnly", "false",
                    "skipUnchanged", "true", "rawPayload", "false", "reconnectDelay", "1000",
                    "maxReconnectDelay", "30000", "maxReconnectAttempts", "0", "readTimeout", "60000",
                    "connectTimeout", "10000", "maxEventSize", "4194304").entrySet()) {
                assertThat(json.at("/properties/" + option.getKey() + "/defaultValue").asText())
                        .as(option.getKey()).isEqualTo(option.getValue());
            }
            for (String option : new String[] { "sslContextParameters", "allowPlainHttp", "bridgeErrorHandler" }) {
                assertThat(json.at("/properties/" + option).isMissingNode()).as(option).isFalse();
            }
            for (String header : new String[] {
                    "CamelPredicateSessionId", "CamelPredicateVerificationType", "CamelPredicateStatus",
                    "CamelPredicateTerminal", "CamelPredicateVerified", "CamelPredicateUserId",
                    "CamelPredicateCompletedAt", "CamelSseEventType", "CamelSseEventId" }) {
                assertThat(json.at("/headers/" + header).isMissingNode()).as(header).isFalse();
            }
            assertThat(json.at("/headers/CamelPredicateVerified/javaType").asText()).isEqualTo("Boolean");
        }
    }

    private static String text(JarFile file, String name) throws IOException {
        ZipEntry entry = file.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = file.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
