/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.springboot;

import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.core.env.Environment;

/**
 * Copies a starter's {@code camel.component.<scheme>.*} properties onto each component of its type when Camel creates
 * it, as camel-spring-boot's starters do, so the component is configured before its first endpoint. The values go
 * through Camel's property binding: {@code #bean:name} refers to a bean and Camel placeholders are resolved. Turned
 * off by {@code camel.component.customizer.enabled=false} or {@code camel.component.<scheme>.customizer.enabled=false}.
 * Nothing here logs a value, so a secret set this way shows up nowhere.
 */
public final class ComponentPropertiesCustomizer implements ComponentCustomizer {

    private final Environment environment;
    private final String scheme;
    private final Class<? extends Component> componentType;
    private final Object properties;

    /**
     * @param environment   where the customizer switches are read
     * @param scheme        the component's scheme, as in its {@code camel.component.<scheme>} prefix
     * @param componentType the components this customizer configures
     * @param properties    the bound configuration properties, whose non-null values are copied
     */
    public ComponentPropertiesCustomizer(Environment environment, String scheme,
                                         Class<? extends Component> componentType, Object properties) {
        this.environment = environment;
        this.scheme = scheme;
        this.componentType = componentType;
        this.properties = properties;
    }

    @Override
    public void configure(String name, Component target) {
        CamelPropertiesHelper.copyProperties(target.getCamelContext(), properties, target);
    }

    @Override
    public boolean isEnabled(String name, Component target) {
        return componentType.isInstance(target)
               && HierarchicalPropertiesEvaluator.evaluate(environment,
                       "camel.component.customizer", "camel.component." + scheme + ".customizer");
    }
}
