/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Reading Kamelet and Pipe files as plain maps and lists, the way Kubernetes tooling sees them. */
final class Yaml {

    /** {{name}} or {{?name}}: group 1 is the ? of an optional placeholder, group 2 the name. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\?)?([^{}?:]+)}}");

    private Yaml() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(InputStream in) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
    }

    static Map<String, Object> load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String dump(Object yaml) {
        return new Dump(DumpSettings.builder().build()).dumpToString(yaml);
    }

    @SuppressWarnings("unchecked")
    static <V> Map<String, V> map(Map<String, ?> parent, String key) {
        Object value = parent.get(key);
        if (!(value instanceof Map)) {
            throw new AssertionError("no mapping '" + key + "' in " + parent.keySet());
        }
        return (Map<String, V>) value;
    }

    @SuppressWarnings("unchecked")
    static <V> List<V> list(Map<String, ?> parent, String key) {
        Object value = parent.get(key);
        if (!(value instanceof List)) {
            throw new AssertionError("no list '" + key + "' in " + parent.keySet());
        }
        return (List<V>) value;
    }

    /** The names of the placeholders in every string under node: optional ones ({{?x}}) or plain ones ({{x}}). */
    static Set<String> placeholders(Object node, boolean optional) {
        Set<String> names = new TreeSet<>();
        collect(node, optional, names);
        return names;
    }

    private static void collect(Object node, boolean optional, Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, optional, names));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collect(v, optional, names));
        } else if (node instanceof String text) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                if ((m.group(1) != null) == optional) {
                    names.add(m.group(2));
                }
            }
        }
    }
}
