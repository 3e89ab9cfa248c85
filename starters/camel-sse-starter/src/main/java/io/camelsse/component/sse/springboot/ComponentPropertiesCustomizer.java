/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.springboot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.Environment;

/**
 * Copies a starter's {@code camel.component.<scheme>.*} properties onto each component of its type when Camel creates
 * it, so the component is configured before its first endpoint. The values go through Camel's property binding:
 * {@code #bean:name} refers to a bean and Camel placeholders are resolved. Turned off by
 * {@code camel.component.customizer.enabled=false} or {@code camel.component.<scheme>.customizer.enabled=false}.
 * <p>
 * Only the properties the application set are applied (those its environment names, in any of Spring's relaxed
 * spellings, and those whose bound value differs from the starter's default): the starter's defaults are the
 * component's own, and copying them would overwrite what a component bean of the application, or a
 * {@code configuration} bean, sets itself. A {@code configuration} bean is applied first, so the other properties set
 * go on top of it.
 * <p>
 * Nothing here logs a value, and a value Camel refuses (an unknown placeholder in it, say) fails with a message that
 * names the property but not the value, which may be a secret.
 */
public final class ComponentPropertiesCustomizer implements ComponentCustomizer {

    /** Applied before every other property, which may then override what it holds. */
    private static final String CONFIGURATION = "configuration";
    /** The switches of the starter itself, not options of the component. */
    private static final String ENABLED = "enabled";
    private static final String CUSTOMIZER = "customizer";
    private static final String MASK = "xxxxxx";

    private final Environment environment;
    private final String scheme;
    private final Class<? extends Component> componentType;
    private final Object properties;

    /**
     * @param environment   where the customizer switches are read, and which properties the application set
     * @param scheme        the component's scheme, as in its {@code camel.component.<scheme>} prefix
     * @param componentType the components this customizer configures
     * @param properties    the bound configuration properties, whose values set by the application are copied
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
        CamelContext context = target.getCamelContext();
        for (Map.Entry<String, Object> option : setOptions(context).entrySet()) {
            try {
                PropertyBindingSupport.build()
                        .withConfigurer(target.getComponentPropertyConfigurer())
                        .withIgnoreCase(true)
                        .bind(context, target, option.getKey(), option.getValue());
            } catch (RuntimeException e) {
                // Camel's messages repeat the value as written (e.g. "... not found in properties from text: ...")
                throw new IllegalArgumentException("Cannot apply " + propertyName(option.getKey()) + " to the "
                                                   + name + " component: " + messagesOf(e, option.getValue()));
            }
        }
    }

    @Override
    public boolean isEnabled(String name, Component target) {
        return componentType.isInstance(target)
               && HierarchicalPropertiesEvaluator.evaluate(environment,
                       "camel.component.customizer", "camel.component." + scheme + ".customizer");
    }

    /** The options the application set, by option name: the configuration bean first, the others by name. */
    private Map<String, Object> setOptions(CamelContext context) {
        Map<String, Object> bound = nonNullProperties(context, properties);
        Map<String, Object> defaults = nonNullProperties(context, newDefaults());
        Map<String, Object> set = new TreeMap<>();
        bound.forEach((option, value) -> {
            if (!ENABLED.equals(option) && !CUSTOMIZER.equals(option)
                && (namedInEnvironment(option) || !Objects.equals(value, defaults.get(option)))) {
                set.put(option, value);
            }
        });
        Map<String, Object> ordered = new LinkedHashMap<>();
        if (set.containsKey(CONFIGURATION)) {
            ordered.put(CONFIGURATION, set.remove(CONFIGURATION));
        }
        ordered.putAll(set);
        return ordered;
    }

    private static Map<String, Object> nonNullProperties(CamelContext context, Object bean) {
        Map<String, Object> values = new LinkedHashMap<>();
        PluginHelper.getBeanIntrospection(context).getProperties(bean, values, null, false);
        return values;
    }

    /** A configuration of the same class as bound, holding only the starter's defaults. */
    private Object newDefaults() {
        try {
            return properties.getClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(properties.getClass().getName() + " needs a public no-argument constructor",
                    e);
        }
    }

    /** Whether a property source of the environment has this option's property, in any relaxed spelling. */
    private boolean namedInEnvironment(String option) {
        ConfigurationPropertyName property = ConfigurationPropertyName.of(propertyName(option));
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source.getConfigurationProperty(property) != null) {
                return true;
            }
        }
        return false;
    }

    private String propertyName(String option) {
        return "camel.component." + scheme + "." + StringHelper.camelCaseToDash(option);
    }

    /** The messages of the failure and its causes, with the value masked wherever it appears. */
    private static String messagesOf(Throwable failure, Object value) {
        String secret = value instanceof String text && !text.isEmpty() ? text : null;
        StringBuilder messages = new StringBuilder();
        String previous = null;
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth++ < 10; cause = cause.getCause()) {
            String message = Objects.toString(cause.getMessage(), cause.getClass().getSimpleName());
            if (secret != null) {
                message = message.replace(secret, MASK);
            }
            if (!message.equals(previous)) {
                messages.append(messages.isEmpty() ? "" : ": ").append(message);
            }
            previous = message;
        }
        return messages.toString();
    }
}
