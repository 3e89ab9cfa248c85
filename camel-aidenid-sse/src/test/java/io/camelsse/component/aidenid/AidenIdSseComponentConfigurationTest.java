/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component holds the defaults of its endpoints in its configuration, the camel-kafka way: set as
 * {@code camel.component.aidenid-sse.*}, through property binding or in Java, and each endpoint gets a copy that its
 * own options override. No request is made: the endpoints' requests are only looked at.
 */
class AidenIdSseComponentConfigurationTest {

    @Test
    void optionsSetOnTheComponentUnderCamelMainAreTheDefaultsOfEveryEndpoint() throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.component.aidenid-sse.api-key", "aid_component_key");
        main.addInitialProperty("camel.component.aidenid-sse.org-id", "org_component");
        main.addInitialProperty("camel.component.aidenid-sse.project-id", "proj_component");
        main.addInitialProperty("camel.component.aidenid-sse.base-url", "https://aidenid.example.invalid");
        main.addInitialProperty("camel.component.aidenid-sse.reconnect-delay", "250");
        main.start();
        try {
            AidenIdSseComponent component
                    = main.getCamelContext().getComponent("aidenid-sse", AidenIdSseComponent.class);
            assertThat(component.getOrgId()).isEqualTo("org_component");
            assertThat(component.getConfiguration().getReconnectDelay()).isEqualTo(250);

            AidenIdSseEndpoint endpoint
                    = main.getCamelContext().getEndpoint("aidenid-sse:stream", AidenIdSseEndpoint.class);
            assertThat(endpoint.getConfiguration()).isNotSameAs(component.getConfiguration());
            assertThat(endpoint.getConfiguration().getReconnectDelay()).isEqualTo(250);
            assertThat(endpoint.streamRequest().uri())
                    .hasToString("https://aidenid.example.invalid/v1/realtime/stream");
            assertThat(endpoint.streamRequest().headers())
                    .containsEntry("Authorization", List.of("Bearer aid_component_key"))
                    .containsEntry("X-Org-Id", List.of("org_component"))
                    .containsEntry("X-Project-Id", List.of("proj_component"));

            AidenIdSseEndpoint own = main.getCamelContext().getEndpoint(
                    "aidenid-sse:stream?projectId=proj_own&reconnectDelay=2s", AidenIdSseEndpoint.class);
            assertThat(own.getConfiguration().getReconnectDelay()).isEqualTo(2000);
            assertThat(own.streamRequest().headers()).containsEntry("X-Project-Id", List.of("proj_own"))
                    .containsEntry("X-Org-Id", List.of("org_component"));
            assertThat(component.getProjectId()).as("an endpoint's options stay its own").isEqualTo("proj_component");
        } finally {
            main.stop();
        }
    }

    @Test
    void theGeneratedConfigurerAndPropertyBindingSetTheComponentsOptions() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            AidenIdSseComponent component = context.getComponent("aidenid-sse", AidenIdSseComponent.class);
            PropertyConfigurer configurer = component.getComponentPropertyConfigurer();
            assertThat(configurer).isInstanceOf(AidenIdSseComponentConfigurer.class);
            assertThat(configurer.configure(context, component, "apiKey", "aid_configured", false)).isTrue();
            assertThat(configurer.configure(context, component, "orgid", "org_configured", true)).isTrue();
            assertThat(configurer.configure(context, component, "projectId", "proj_configured", false)).isTrue();
            assertThat(component.getConfiguration().getApiKey()).isEqualTo("aid_configured");
            assertThat(component.getConfiguration().getOrgId()).isEqualTo("org_configured");
            assertThat(component.getConfiguration().getProjectId()).isEqualTo("proj_configured");

            PropertyBindingSupport.build().withCamelContext(context).withTarget(component).withConfigurer(configurer)
                    .withMandatory(true)
                    .withProperties(new HashMap<>(Map.of("baseUrl", "https://bound.example.invalid",
                            "eventTypes", "inbound.received")))
                    .bind();
            assertThat(component.getBaseUrl()).isEqualTo("https://bound.example.invalid");
            assertThat(component.getConfiguration().getEventTypes()).isEqualTo("inbound.received");

            // and in Java, on the component bean or on its configuration
            component.setOrgId("org_bean");
            assertThat(component.getConfiguration().getOrgId()).isEqualTo("org_bean");
            component.getConfiguration().setApiKey("aid_java");
            assertThat(component.getApiKey()).isEqualTo("aid_java");
            assertThat(component.toString()).doesNotContain("aid_java");
        }
    }

    @Test
    void theBaseUrlDefaultIsDeclaredOnce() {
        assertThat(new AidenIdSseComponent().getBaseUrl()).isEqualTo(AidenIdSseConfiguration.DEFAULT_BASE_URL)
                .isEqualTo("https://api.aidenid.com");
    }
}
