/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.springboot;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * The converters every SSE starter's properties are bound with (see {@link StarterPropertyConverters}). On their own,
 * without the components' conditions, so that turning one component's auto-configuration off leaves the others whole.
 */
@AutoConfiguration
public class StarterBindingAutoConfiguration {

    @Bean
    @ConfigurationPropertiesBinding
    public static GenericConverter sseStarterDurations() {
        return new StarterPropertyConverters.Durations();
    }

    @Bean
    @ConfigurationPropertiesBinding
    public static GenericConverter sseStarterBeanReferences(BeanFactory beans) {
        return new StarterPropertyConverters.BeanReferences(beans);
    }
}
