/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.builder.endpoint;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The builders cannot drift from the components: every option in each component's JSON (read from the
 * component jar, as users get it) has a builder method taking its type and one taking a String, and
 * every builder method is an option of the JSON.
 */
class EndpointDslOptionsTest {

    private static final String DSL = "io.camelsse.builder.endpoint.dsl.";

    static Stream<Arguments> components() {
        return Stream.of(
                Arguments.of("sse", "META-INF/io/camelsse/component/sse/sse.json", "Sse", "sse"),
                Arguments.of("predicate-sse", "META-INF/io/camelsse/component/predicate/predicate-sse.json",
                        "PredicateSse", "predicateSse"),
                Arguments.of("aidenid-sse", "META-INF/io/camelsse/component/aidenid/aidenid-sse.json", "AidenIdSse",
                        "aidenidSse"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("components")
    void everyEndpointOptionHasABuilderMethod(String scheme, String json, String name, String factoryMethod)
            throws Exception {
        JsonNode model = read(json);
        assertThat(model.path("component").path("scheme").asText()).isEqualTo(scheme);

        Class<?> factory = Class.forName(DSL + name + "EndpointBuilderFactory");
        // a component with a producer has consumer, producer and shared builders, each with its advanced one
        List<Method> builderMethods = new ArrayList<>();
        for (Class<?> builder : factory.getDeclaredClasses()) {
            String simple = builder.getSimpleName();
            boolean endpointBuilder = simple.matches("(Advanced)?" + name + "Endpoint(Consumer|Producer)?Builder");
            if (endpointBuilder) {
                builderMethods.addAll(options(builder));
            }
        }

        Set<String> parameters = new TreeSet<>();
        for (Map.Entry<String, JsonNode> option : model.path("properties").properties()) {
            String kind = option.getValue().path("kind").asText();
            if ("path".equals(kind)) {
                continue;
            }
            String option1 = option.getKey();
            parameters.add(option1);
            List<Method> setters = builderMethods.stream().filter(m -> m.getName().equals(option1)).toList();
            assertThat(setters).as("builder methods of %s option %s", scheme, option1).isNotEmpty();
            if (!option.getValue().path("multiValue").asBoolean()) {
                assertThat(setters).as("%s option %s takes a String (placeholders) and its own type", scheme, option1)
                        .anyMatch(m -> Arrays.equals(m.getParameterTypes(), new Class<?>[] { String.class }));
            }
        }

        Set<String> methodNames = builderMethods.stream().map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(methodNames).as("every builder method of %s is an option of its JSON", scheme)
                .containsExactlyElementsOf(parameters);

        // the path parameters: the factory method takes the whole path, as the URI does
        Class<?> builders = nested(factory, name + "Builders");
        assertThat(builders.getMethod(factoryMethod, String.class).getReturnType())
                .isEqualTo(nested(factory, name + "EndpointBuilder"));
        assertThat(StaticEndpointBuilders.class.getMethod(factoryMethod, String.class).getReturnType())
                .isEqualTo(nested(factory, name + "EndpointBuilder"));

        // one header name method per header the component documents
        Class<?> headerNames = nested(factory, name + "HeaderNameBuilder");
        long headerMethods = Arrays.stream(headerNames.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getReturnType() == String.class).count();
        assertThat(headerMethods).as("header name methods of %s", scheme).isEqualTo(model.path("headers").size());
    }

    /** The option methods of a builder interface: all but the switches between basic and advanced. */
    private static List<Method> options(Class<?> builder) {
        return Arrays.stream(builder.getDeclaredMethods())
                .filter(m -> !m.isSynthetic() && !m.getName().equals("advanced") && !m.getName().equals("basic"))
                .toList();
    }

    private static Class<?> nested(Class<?> outer, String simpleName) {
        return Arrays.stream(outer.getDeclaredClasses()).filter(c -> c.getSimpleName().equals(simpleName)).findFirst()
                .orElseThrow(() -> new AssertionError(outer.getName() + " has no " + simpleName));
    }

    private static JsonNode read(String resource) throws Exception {
        try (InputStream in = EndpointDslOptionsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
