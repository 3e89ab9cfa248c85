/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.springboot.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.camel.util.StringHelper;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Compares a component's options, as its generated JSON lists them, with the Spring Boot configuration metadata that
 * {@code spring-boot-configuration-processor} wrote for the starter's configuration class: every option must be a
 * documented property of the same type and default, and every property an option. Reading both at test time means a
 * component option added, renamed or removed without the starter following fails the starter's build.
 */
public final class StarterOptionsCheck {

    /** Where the configuration processor writes the metadata in every jar that has some. */
    public static final String METADATA = "META-INF/spring-configuration-metadata.json";

    /** The word a secret option's description must carry, so the IDE tells the user. */
    static final String SECRET_MARK = "Secret:";

    private StarterOptionsCheck() {
    }

    /**
     * The problems found between the component's JSON, which Camel's generator puts beside the component class
     * ({@code META-INF/<package>/<scheme>.json}), and the starter's configuration class; empty when they match.
     */
    public static List<String> problems(Class<?> componentClass, String scheme, Class<?> configurationClass) {
        String resource = "META-INF/" + componentClass.getPackageName().replace('.', '/') + "/" + scheme + ".json";
        String componentJson;
        try (InputStream in = componentClass.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return List.of("no component JSON " + resource + " beside " + componentClass.getName());
            }
            componentJson = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems(componentJson, prefixOf(configurationClass),
                metadataProperties(configurationClass.getClassLoader(), configurationClass.getName()));
    }

    /**
     * The problems found between a component's JSON and the metadata properties of one configuration class (by
     * name), whose prefix is given.
     */
    static List<String> problems(String componentJson, String prefix, Map<String, JsonObject> metadata) {
        List<String> problems = new ArrayList<>();
        Map<String, JsonObject> options = componentOptions(componentJson);
        if (options.isEmpty()) {
            problems.add("the component JSON lists no componentProperties");
        }
        Map<String, JsonObject> unmatched = new LinkedHashMap<>(metadata);
        unmatched.remove(prefix + ".enabled");
        for (Map.Entry<String, JsonObject> entry : options.entrySet()) {
            String option = entry.getKey();
            JsonObject model = entry.getValue();
            String property = prefix + "." + StringHelper.camelCaseToDash(option);
            JsonObject described = unmatched.remove(property);
            if (described == null) {
                problems.add("option '" + option + "' has no property " + property);
                continue;
            }
            String expectedType = boxed(model.getString("javaType"));
            // the configuration processor writes type arguments without the space Camel's generator puts after commas
            if (!expectedType.replace(" ", "").equals(described.getString("type").replace(" ", ""))) {
                problems.add(property + " is of type " + described.getString("type") + ", the option of type "
                             + expectedType);
            }
            String expectedDefault = Objects.toString(model.get("defaultValue"), null);
            String actualDefault = Objects.toString(described.get("defaultValue"), null);
            if (!Objects.equals(expectedDefault, actualDefault)) {
                problems.add(property + " defaults to " + actualDefault + ", the option to " + expectedDefault);
            }
            String description = normalized(described.getString("description"));
            String expectedDescription = normalized(model.getString("description"));
            if (description.isEmpty()) {
                problems.add(property + " has no description (Javadoc on the field)");
            } else if (!description.startsWith(expectedDescription)) {
                problems.add(property + " is described as \"" + description + "\", the option as \""
                             + expectedDescription + "\"");
            }
            if (Boolean.TRUE.equals(model.getBoolean("secret")) && !description.contains(SECRET_MARK)) {
                problems.add(property + " is a secret option: its description must say so (\"" + SECRET_MARK
                             + " ...\")");
            }
        }
        for (String stale : unmatched.keySet()) {
            problems.add("property " + stale + " is not an option of the component");
        }
        return problems;
    }

    /** The component-level options of a component JSON, by name. */
    static Map<String, JsonObject> componentOptions(String componentJson) {
        JsonObject root = (JsonObject) Jsoner.deserialize(componentJson, new JsonObject());
        JsonObject options = root.getMap("componentProperties");
        Map<String, JsonObject> byName = new LinkedHashMap<>();
        if (options != null) {
            options.forEach((name, model) -> byName.put(name, (JsonObject) model));
        }
        return byName;
    }

    /** The metadata properties, by name, whose source type is the given class, from every metadata file found. */
    static Map<String, JsonObject> metadataProperties(ClassLoader loader, String sourceType) {
        Map<String, JsonObject> byName = new LinkedHashMap<>();
        try {
            Enumeration<URL> files = loader.getResources(METADATA);
            while (files.hasMoreElements()) {
                for (JsonObject property : properties(files.nextElement())) {
                    if (sourceType.equals(property.getString("sourceType"))) {
                        byName.put(property.getString("name"), property);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byName;
    }

    private static Collection<JsonObject> properties(URL metadataFile) throws IOException {
        try (InputStream in = metadataFile.openStream()) {
            JsonObject root = (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    new JsonObject());
            JsonArray properties = root.getCollection("properties");
            List<JsonObject> list = new ArrayList<>();
            if (properties != null) {
                properties.forEach(p -> list.add((JsonObject) p));
            }
            return list;
        }
    }

    static String prefixOf(Class<?> configurationClass) {
        ConfigurationProperties annotation = configurationClass.getAnnotation(ConfigurationProperties.class);
        if (annotation == null) {
            throw new IllegalArgumentException(configurationClass.getName() + " is not a @ConfigurationProperties");
        }
        return annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
    }

    /** The metadata names a property's type as the processor sees the field: a wrapper for a primitive. */
    private static String boxed(String javaType) {
        return switch (javaType) {
            case "boolean" -> "java.lang.Boolean";
            case "int" -> "java.lang.Integer";
            case "long" -> "java.lang.Long";
            case "double" -> "java.lang.Double";
            case "float" -> "java.lang.Float";
            case "short" -> "java.lang.Short";
            case "byte" -> "java.lang.Byte";
            case "char" -> "java.lang.Character";
            default -> javaType;
        };
    }

    private static String normalized(String text) {
        return text == null ? "" : text.trim().replaceAll("\\s+", " ");
    }
}
