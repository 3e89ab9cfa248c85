/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate.springboot;

import io.camelsse.component.predicate.PredicateSseComponent;
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
 * Configures the {@code predicate-sse} component from {@code camel.component.predicate-sse.*}; off with
 * {@code camel.component.predicate-sse.enabled=false} (or {@code camel.component.enabled=false} for every component).
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, SseComponentAutoConfiguration.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.predicate-sse" })
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, PredicateSseComponentConfiguration.class })
public class PredicateSseComponentAutoConfiguration {

    @Lazy
    @Bean
    public ComponentCustomizer configurePredicateSseComponent(Environment environment,
                                                              PredicateSseComponentConfiguration configuration) {
        return new ComponentPropertiesCustomizer(environment, "predicate-sse", PredicateSseComponent.class,
                configuration);
    }
}
