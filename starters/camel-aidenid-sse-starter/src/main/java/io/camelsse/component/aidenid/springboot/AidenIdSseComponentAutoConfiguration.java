/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid.springboot;

import io.camelsse.component.aidenid.AidenIdSseComponent;
import io.camelsse.component.sse.springboot.ComponentPropertiesCustomizer;
import io.camelsse.component.sse.springboot.SseComponentAutoConfiguration;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Configures the {@code aidenid-sse} component from {@code camel.component.aidenid-sse.*}; off with
 * {@code camel.component.aidenid-sse.enabled=false} (or {@code camel.component.enabled=false} for every component).
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, SseComponentAutoConfiguration.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.aidenid-sse" })
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, AidenIdSseComponentConfiguration.class })
public class AidenIdSseComponentAutoConfiguration {

    @Lazy
    @Bean
    public ComponentCustomizer configureAidenIdSseComponent(Environment environment,
                                                            AidenIdSseComponentConfiguration configuration) {
        return new ComponentPropertiesCustomizer(environment, "aidenid-sse", AidenIdSseComponent.class, configuration);
    }
}
