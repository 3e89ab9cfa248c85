/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.springboot;

import io.camelsse.component.sse.SseComponent;
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
 * Configures the {@code sse} component from {@code camel.component.sse.*}; off with
 * {@code camel.component.sse.enabled=false} (or {@code camel.component.enabled=false} for every component).
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.sse" })
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, SseComponentConfiguration.class })
public class SseComponentAutoConfiguration {

    @Lazy
    @Bean
    public ComponentCustomizer configureSseComponent(Environment environment,
                                                     SseComponentConfiguration configuration) {
        return new ComponentPropertiesCustomizer(environment, "sse", SseComponent.class, configuration);
    }
}
