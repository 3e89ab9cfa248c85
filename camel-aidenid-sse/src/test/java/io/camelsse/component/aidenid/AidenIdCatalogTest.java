/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated catalog entry, configurers and URI factory name every documented option and header. */
class AidenIdCatalogTest {

    @Test
    void componentJsonListsEveryContractOptionAndHeader() throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/io/camelsse/component/aidenid/aidenid-sse.json")) {
            assertThat(in).as("aidenid-sse.json on the class path").isNotNull();
            json = new ObjectMapper().readTree(in);
        }
        assertThat(json.at("/component/scheme").asText()).isEqualTo("aidenid-sse");
        assertThat(json.at("/component/syntax").asText()).isEqualTo("aidenid-sse:stream");
        assertThat(json.at("/component/consumerOnly").asBoolean()).isTrue();

        JsonNode properties = json.get("properties");
        assertThat(properties.fieldNames()).toIterable().contains("stream", "apiKey", "orgId", "projectId", "baseUrl",
                "lastEventId", "lastEventIdRepository", "eventTypes", "rawPayload", "reconnectDelay",
                "maxReconnectDelay", "maxReconnectAttempts", "readTimeout", "connectTimeout", "maxEventSize",
                "sslContextParameters", "allowPlainHttp", "bridgeErrorHandler");
        assertThat(properties.at("/apiKey/secret").asBoolean()).isTrue();
        assertThat(properties.at("/baseUrl/defaultValue").asText()).isEqualTo("https://api.aidenid.com");
        assertThat(properties.at("/rawPayload/defaultValue").asBoolean()).isFalse();
        assertThat(properties.at("/lastEventIdRepository/javaType").asText())
                .isEqualTo("org.apache.camel.spi.StateRepository<java.lang.String, java.lang.String>");

        JsonNode component = json.get("componentProperties");
        assertThat(component.fieldNames()).toIterable().contains("apiKey", "orgId", "projectId", "baseUrl");
        assertThat(component.at("/apiKey/secret").asBoolean()).isTrue();

        assertThat(json.get("headers").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("CamelSseEventType", "CamelSseEventId", "CamelAidenIdIdentityId");
    }

    @Test
    void generatedConfigurersAndUriFactoryAreFound() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            PropertyConfigurer endpointConfigurer = PluginHelper.getConfigurerResolver(context)
                    .resolvePropertyConfigurer("aidenid-sse-endpoint", context);
            PropertyConfigurer componentConfigurer = PluginHelper.getConfigurerResolver(context)
                    .resolvePropertyConfigurer("aidenid-sse-component", context);
            assertThat(endpointConfigurer).isInstanceOf(AidenIdSseEndpointConfigurer.class);
            assertThat(componentConfigurer).isInstanceOf(AidenIdSseComponentConfigurer.class);

            EndpointUriFactory factory = context.getCamelContextExtension().getEndpointUriFactory("aidenid-sse");
            assertThat(factory).isInstanceOf(AidenIdSseEndpointUriFactory.class);
            assertThat(factory.secretPropertyNames()).containsExactly("apiKey");
            Map<String, Object> options = new HashMap<>();
            options.put("stream", "stream");
            options.put("orgId", "org_abc123");
            assertThat(factory.buildUri("aidenid-sse", options)).isEqualTo("aidenid-sse:stream?orgId=org_abc123");
        }
    }
}
