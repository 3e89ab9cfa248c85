/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A component's page in {@code docs/} against its generated catalog entry, so that the page stays true when an option,
 * a default or a header changes: every option and header of the catalog is on the page, every option row of the page
 * names an option that exists, and a default the page gives is the catalog's. Each component module's test names its
 * catalog entry and its page; shared with the vendor modules through this module's test jar.
 */
public abstract class ComponentDocsTestSupport {

    // Camel adds these to every component; they mean nothing for a consumer-only one, whose page leaves them out
    private static final Set<String> CAMEL_PRODUCER_OPTIONS
            = Set.of("exchangePattern", "lazyStartProducer", "healthCheckProducerEnabled");

    // a table row whose first cell names one or more options: | `name` | default | meaning
    private static final Pattern OPTION_ROW
            = Pattern.compile("^\\| ((?:`[^`]+`(?:, )?)+) \\|([^|]*)\\|", Pattern.MULTILINE);
    private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");
    private static final Pattern SECTION = Pattern.compile("^(=+) (.*)$", Pattern.MULTILINE);

    private final String catalogResource;
    private final String page;

    /**
     * @param catalogResource the class-path resource of the component's JSON, such as
     *                        {@code /META-INF/io/camelsse/component/sse/sse.json}
     * @param page            the page's file name in {@code docs/}
     */
    protected ComponentDocsTestSupport(String catalogResource, String page) {
        this.catalogResource = catalogResource;
        this.page = page;
    }

    @Test
    public void everyOptionAndHeaderOfTheCatalogIsOnThePage() throws Exception {
        JsonObject catalog = catalog();
        String text = pageText();
        boolean consumerOnly = Boolean.TRUE.equals(object(catalog, "component").get("consumerOnly"));
        List<String> missing = new ArrayList<>();
        options(catalog).forEach((name, entries) -> {
            if (!(consumerOnly && CAMEL_PRODUCER_OPTIONS.contains(name))
                    && !entries.stream().allMatch(option -> isOnPage(name, option, text))) {
                missing.add(name);
            }
        });
        for (String header : object(catalog, "headers").keySet()) {
            if (!text.contains("`" + header + "`")) {
                missing.add(header);
            }
        }
        assertThat(missing).as("options and headers of %s that docs/%s does not name", catalogResource, page)
                .isEmpty();
    }

    @Test
    public void everyOptionRowOfThePageNamesAnOptionOfTheCatalog() throws Exception {
        Map<String, List<JsonObject>> options = options(catalog());
        List<String> unknown = new ArrayList<>();
        for (String[] row : optionRows(optionSections(pageText()))) {
            for (String name : names(row[0])) {
                if (!options.containsKey(name) && !isPrefixed(name, options)) {
                    unknown.add(name);
                }
            }
        }
        assertThat(unknown).as("option rows of docs/%s with no such option in %s", page, catalogResource).isEmpty();
    }

    @Test
    public void everyDefaultThePageGivesIsTheCatalogs() throws Exception {
        Map<String, List<JsonObject>> options = options(catalog());
        List<String> wrong = new ArrayList<>();
        for (String[] row : optionRows(optionSections(pageText()))) {
            List<String> names = names(row[0]);
            String documented = row[1].replace("`", "").trim();
            List<String> words = List.of(documented.toLowerCase(Locale.ROOT).split("[\\s,;()]+"));
            if (names.size() != 1 || !options.containsKey(names.get(0)) || documented.isEmpty()
                    || documented.contains("component's")) {
                continue;
            }
            // an option can be both the component's and an endpoint's, each with a default of its own
            boolean matches = false;
            List<String> defaults = new ArrayList<>();
            for (JsonObject option : options.get(names.get(0))) {
                Object value = option.get("defaultValue");
                if (value != null) {
                    defaults.add(String.valueOf(value));
                    matches |= words.contains(String.valueOf(value).toLowerCase(Locale.ROOT));
                }
            }
            if (!defaults.isEmpty() && !matches) {
                wrong.add(names.get(0) + ": the page says '" + documented + "', the catalog " + defaults);
            }
        }
        assertThat(wrong).as("defaults on docs/%s that differ from %s", page, catalogResource).isEmpty();
    }

    /** By its name, a path parameter also as {@code <name>}, an option under a prefix by that prefix. */
    private static boolean isOnPage(String name, JsonObject option, String text) {
        if (text.contains("`" + name + "`")) {
            return true;
        }
        String prefix = option.getString("prefix");
        if (prefix != null) {
            return text.contains("`" + prefix);
        }
        return "path".equals(option.getString("kind")) && text.contains("<" + name + ">");
    }

    /** The text of the sections whose title is about options: "Options" and any "... options" below it or elsewhere. */
    private static String optionSections(String text) {
        StringBuilder sections = new StringBuilder();
        Matcher heading = SECTION.matcher(text);
        List<int[]> starts = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        while (heading.find()) {
            starts.add(new int[] { heading.start(), heading.group(1).length() });
            titles.add(heading.group(2).trim());
        }
        for (int i = 0; i < starts.size(); i++) {
            if (!titles.get(i).toLowerCase(Locale.ROOT).endsWith("options")) {
                continue;
            }
            int level = starts.get(i)[1];
            int end = text.length();
            for (int j = i + 1; j < starts.size(); j++) {
                if (starts.get(j)[1] <= level) {
                    end = starts.get(j)[0];
                    break;
                }
            }
            sections.append(text, starts.get(i)[0], end).append('\n');
        }
        assertThat(sections).as("an Options section").isNotEmpty();
        return sections.toString();
    }

    private static List<String[]> optionRows(String text) {
        List<String[]> rows = new ArrayList<>();
        Matcher row = OPTION_ROW.matcher(text);
        while (row.find()) {
            rows.add(new String[] { row.group(1), row.group(2) });
        }
        return rows;
    }

    private static List<String> names(String cell) {
        List<String> names = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(cell);
        while (quoted.find()) {
            names.add(quoted.group(1));
        }
        return names;
    }

    /** A name such as {@code header.<Name>}: one entry of an option that takes many under a prefix. */
    private static boolean isPrefixed(String name, Map<String, List<JsonObject>> options) {
        for (List<JsonObject> candidates : options.values()) {
            for (JsonObject option : candidates) {
                String prefix = option.getString("prefix");
                if (prefix != null && name.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The component's and the endpoint's options by name: one entry each, or two when both have it. */
    private static Map<String, List<JsonObject>> options(JsonObject catalog) {
        Map<String, List<JsonObject>> options = new LinkedHashMap<>();
        for (String kind : new String[] { "componentProperties", "properties" }) {
            object(catalog, kind).forEach((name, option) -> options.computeIfAbsent(name, n -> new ArrayList<>())
                    .add((JsonObject) option));
        }
        return options;
    }

    private JsonObject catalog() throws Exception {
        try (InputStream in = getClass().getResourceAsStream(catalogResource)) {
            assertThat(in).as(catalogResource + " on the class path").isNotNull();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return (JsonObject) Jsoner.deserialize(reader);
            }
        }
    }

    private String pageText() throws IOException {
        // the tests of a module run in its folder, beside docs/
        return Files.readString(Path.of("..", "docs", page));
    }

    private static JsonObject object(JsonObject parent, String key) {
        JsonObject child = (JsonObject) parent.get(key);
        return child == null ? new JsonObject() : child;
    }
}
