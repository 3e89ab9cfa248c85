/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One Kamelet of this module and what it is checked against: its component's option descriptor, the options it sets
 * in the endpoint path, and the options it leaves out on purpose, each with the reason (docs/kamelets.md gives the
 * same reasons to users).
 */
record SourceKamelet(String name, String artifact, String scheme, String componentJson, List<String> required,
        Set<String> secrets, Set<String> pathOptions, Map<String, String> omitted, String mediaType) {

    private static final String GENERIC_CONSUMER_OPTIONS = "Camel's generic consumer plumbing, no use to a source";

    static final List<SourceKamelet> ALL = List.of(
            new SourceKamelet("predicate-sse-source", "camel-predicate-sse", "predicate-sse",
                    "/META-INF/io/camelsse/component/predicate/predicate-sse.json", List.of("sessionId", "apiKey"),
                    Set.of("apiKey"), Set.of("type", "sessionId"),
                    Map.of("exceptionHandler", GENERIC_CONSUMER_OPTIONS,
                            "exchangePattern", GENERIC_CONSUMER_OPTIONS,
                            "lazyStartProducer", "a producer option; the Kamelet is a source",
                            "maxConnectsPerSecond", "predicate-sse:watch only",
                            "maxSessions", "predicate-sse:watch only",
                            "maxStreamsPerClient", "predicate-sse:watch only",
                            "watchRefreshInterval", "predicate-sse:watch only",
                            "watchRepository", "predicate-sse:watch only"),
                    "application/json"),
            new SourceKamelet("aidenid-sse-source", "camel-aidenid-sse", "aidenid-sse",
                    "/META-INF/io/camelsse/component/aidenid/aidenid-sse.json", List.of("apiKey", "orgId", "projectId"),
                    Set.of("apiKey"), Set.of("stream"),
                    Map.of("exceptionHandler", GENERIC_CONSUMER_OPTIONS,
                            "exchangePattern", GENERIC_CONSUMER_OPTIONS,
                            "resumeReadTimeout", "only with a route's resumable() EIP, which a Kamelet cannot add"),
                    "application/json"),
            new SourceKamelet("sse-source", "camel-sse-common", "sse",
                    "/META-INF/io/camelsse/component/sse/sse.json", List.of("url"),
                    Set.of("requestHeaders"), Set.of("url"),
                    Map.of("exceptionHandler", GENERIC_CONSUMER_OPTIONS,
                            "exchangePattern", GENERIC_CONSUMER_OPTIONS,
                            "headers", "header.<Name> works in a URI only; requestHeaders carries the same headers",
                            "resumeKey", "only with a route's resumable() EIP, which a Kamelet cannot add",
                            "resumeReadTimeout", "only with a route's resumable() EIP, which a Kamelet cannot add"),
                    "text/plain"));

    @Override
    public String toString() {
        return name;
    }

    Map<String, Object> definition() {
        try (InputStream in = SourceKamelet.class.getResourceAsStream("/kamelets/" + name + ".kamelet.yaml")) {
            if (in == null) {
                throw new AssertionError("kamelets/" + name + ".kamelet.yaml is not on the classpath");
            }
            return Yaml.load(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    Map<String, Object> schema() {
        return Yaml.map(Yaml.map(definition(), "spec"), "definition");
    }

    Map<String, Map<String, Object>> properties() {
        return Yaml.map(schema(), "properties");
    }

    Map<String, Object> from() {
        return Yaml.map(Yaml.map(Yaml.map(definition(), "spec"), "template"), "from");
    }

    Set<String> placeholders(boolean optional) {
        return Yaml.placeholders(Yaml.map(definition(), "spec").get("template"), optional);
    }

    /** The component options the template sets: its endpoint parameters and the options in the URI's path. */
    Set<String> templateOptions() {
        String uri = (String) from().get("uri");
        if (!uri.startsWith(scheme + ":")) {
            throw new AssertionError(name + " reads from " + uri + ", not " + scheme + ":");
        }
        Set<String> options = new TreeSet<>(Yaml.<Object>map(from(), "parameters").keySet());
        options.addAll(pathOptions);
        return options;
    }

    /** The endpoint options of the component, from the descriptor that Camel's tooling generates into its jar. */
    Map<String, JsonNode> componentOptions() {
        try (InputStream in = SourceKamelet.class.getResourceAsStream(componentJson)) {
            if (in == null) {
                throw new AssertionError(componentJson + " is not on the classpath");
            }
            Map<String, JsonNode> options = new LinkedHashMap<>();
            new ObjectMapper().readTree(in).path("properties").properties()
                    .forEach(e -> options.put(e.getKey(), e.getValue()));
            return options;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
