/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

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
 * {@code camel.component.predicate-sse.*}, through property binding or in Java, and each endpoint gets a copy that its
 * own options override. No request is made: the endpoints' requests are only looked at.
 */
class PredicateSseComponentConfigurationTest {

    private static final String SESSION = "550e8400-e29b-41d4-a716-446655440000";
    private static final String STREAMS = "https://predicate.example.invalid/api/v1/status/realtime/";

    @Test
    void optionsSetOnTheComponentUnderCamelMainAreTheDefaultsOfEveryEndpoint() throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.component.predicate-sse.api-key", "component_key");
        main.addInitialProperty("camel.component.predicate-sse.base-url", "https://predicate.example.invalid");
        main.addInitialProperty("camel.component.predicate-sse.read-timeout", "5s");
        main.addInitialProperty("camel.component.predicate-sse.terminal-only", "true");
        main.start();
        try {
            PredicateSseComponent component
                    = main.getCamelContext().getComponent("predicate-sse", PredicateSseComponent.class);
            assertThat(component.getApiKey()).isEqualTo("component_key");
            assertThat(component.getConfiguration().getReadTimeout()).isEqualTo(5000);

            PredicateSseEndpoint endpoint = main.getCamelContext()
                    .getEndpoint("predicate-sse:individual/" + SESSION, PredicateSseEndpoint.class);
            assertThat(endpoint.getConfiguration()).isNotSameAs(component.getConfiguration());
            assertThat(endpoint.getConfiguration().getReadTimeout()).isEqualTo(5000);
            assertThat(endpoint.getConfiguration().isTerminalOnly()).isTrue();
            assertThat(endpoint.streamRequest(SESSION, "individual").uri())
                    .hasToString(STREAMS + "individual/" + SESSION);
            assertThat(endpoint.streamRequest(SESSION, "individual").headers())
                    .containsEntry("Authorization", List.of("Bearer component_key"));

            PredicateSseEndpoint own = main.getCamelContext().getEndpoint(
                    "predicate-sse:business/" + SESSION + "?apiKey=own_key&readTimeout=1s&terminalOnly=false",
                    PredicateSseEndpoint.class);
            assertThat(own.getConfiguration().getReadTimeout()).isEqualTo(1000);
            assertThat(own.getConfiguration().isTerminalOnly()).isFalse();
            assertThat(own.streamRequest(SESSION, "business").headers())
                    .containsEntry("Authorization", List.of("Bearer own_key"));
            assertThat(component.getApiKey()).as("an endpoint's options stay its own").isEqualTo("component_key");
            assertThat(component.getConfiguration().getReadTimeout()).isEqualTo(5000);
        } finally {
            main.stop();
        }
    }

    @Test
    void theGeneratedConfigurerAndPropertyBindingSetTheComponentsOptions() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            PredicateSseComponent component = context.getComponent("predicate-sse", PredicateSseComponent.class);
            PropertyConfigurer configurer = component.getComponentPropertyConfigurer();
            assertThat(configurer).isInstanceOf(PredicateSseComponentConfigurer.class);
            assertThat(configurer.configure(context, component, "apiKey", "configured_key", false)).isTrue();
            assertThat(configurer.configure(context, component, "maxreconnectdelay", "2m", true)).isTrue();
            assertThat(component.getConfiguration().getApiKey()).isEqualTo("configured_key");
            assertThat(component.getConfiguration().getMaxReconnectDelay()).isEqualTo(120_000);

            PropertyBindingSupport.build().withCamelContext(context).withTarget(component).withConfigurer(configurer)
                    .withMandatory(true)
                    .withProperties(new HashMap<>(Map.of("baseUrl", "https://bound.example.invalid",
                            "closeOnTerminal", "false")))
                    .bind();
            assertThat(component.getBaseUrl()).isEqualTo("https://bound.example.invalid");
            assertThat(component.getConfiguration().isCloseOnTerminal()).isFalse();

            // and in Java, on the component bean or on its configuration
            component.setApiKey("bean_key");
            assertThat(component.getConfiguration().getApiKey()).isEqualTo("bean_key");
            component.getConfiguration().setBaseUrl("https://java.example.invalid");
            assertThat(component.getBaseUrl()).isEqualTo("https://java.example.invalid");
        }
    }

    @Test
    void theBaseUrlDefaultIsTheCurrentGeneration() {
        assertThat(new PredicateSseComponent().getBaseUrl()).isEqualTo(PredicateSseConfiguration.DEFAULT_BASE_URL)
                .isEqualTo("https://api.identity.predicate.io");
    }
}
