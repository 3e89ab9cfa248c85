/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated catalog entry of {@code sse:} lists the documented options, defaults and headers. */
class SseCatalogTest {

    @Test
    void componentJsonListsEveryContractOptionWithItsDefaultAndBothHeaders() throws Exception {
        JsonObject json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/camelsse/component/sse/sse.json")) {
            assertThat(in).as("sse.json on the class path").isNotNull();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                json = (JsonObject) Jsoner.deserialize(reader);
            }
        }
        JsonObject component = obj(json, "component");
        assertThat(component.getString("scheme")).isEqualTo("sse");
        assertThat(component.getString("syntax")).isEqualTo("sse:url");
        assertThat(component.getBoolean("consumerOnly")).isTrue();

        JsonObject properties = obj(json, "properties");
        assertThat(properties.keySet()).contains("url", "lastEventId", "headers", "sslContextParameters",
                "bridgeErrorHandler");
        Map<String, String> defaults = Map.of("reconnectDelay", "1000", "maxReconnectDelay", "30000",
                "maxReconnectAttempts", "0", "readTimeout", "60000", "connectTimeout", "10000",
                "maxEventSize", "4194304", "allowPlainHttp", "false");
        defaults.forEach((option, value) -> assertThat(String.valueOf(obj(properties, option).get("defaultValue")))
                .as(option).isEqualTo(value));
        // typed as durations, so that 10s and 1m are accepted as well as plain milliseconds
        for (String option : new String[] { "reconnectDelay", "maxReconnectDelay", "readTimeout", "connectTimeout" }) {
            assertThat(obj(properties, option).getString("type")).as(option).isEqualTo("duration");
        }
        assertThat(obj(properties, "headers").getString("prefix")).isEqualTo("header.");
        assertThat(obj(properties, "headers").getBoolean("multiValue")).isTrue();
        // secret, so that the YAML DSL passes the value as RAW(...) and tools mask it
        assertThat(obj(properties, "headers").getBoolean("secret")).isTrue();
        assertThat(obj(properties, "requestHeaders").getBoolean("secret")).isTrue();
        assertThat(obj(properties, "requestHeaders").getString("type")).isEqualTo("string");
        assertThat(obj(obj(json, "componentProperties"), "requestHeaders").getBoolean("secret")).isTrue();
        assertThat(obj(properties, "sslContextParameters").getString("javaType"))
                .isEqualTo("org.apache.camel.support.jsse.SSLContextParameters");

        assertThat(obj(json, "headers").keySet()).containsExactlyInAnyOrder("CamelSseEventType", "CamelSseEventId");
        assertThat(obj(obj(json, "headers"), "CamelSseEventType").getString("javaType")).isEqualTo("String");
        assertThat(obj(obj(json, "headers"), "CamelSseEventId").getString("javaType")).isEqualTo("String");
    }

    private static JsonObject obj(JsonObject parent, String key) {
        return (JsonObject) parent.get(key);
    }
}
