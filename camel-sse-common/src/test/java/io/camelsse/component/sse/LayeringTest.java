/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layering of docs/architecture.md, read off the sources: the engine (event, parser, reconnect, connection)
 * depends on the JDK and SLF4J only, each engine package only on those below it, the health check not on the
 * consumer, support not on the components above it, the two vendor modules not on each other, and the simulator on
 * none of the components.
 */
class LayeringTest {

    private static final Path ENGINE_ROOT = Path.of("src/main/java/io/camelsse/component/sse");
    private static final String OURS = "io.camelsse.component.";
    private static final Pattern REFERENCE = Pattern.compile("\\b((?:org\\.apache\\.camel|com\\.fasterxml|io\\.camelsse"
                                                             + "|io\\.micrometer)"
                                                             + "(?:\\.[A-Za-z_][A-Za-z0-9_]*)+)");

    /** Which of our packages each package may use, besides itself. */
    private static final Map<String, Set<String>> MAY_USE = Map.of(
            "sse.event", Set.of(),
            "sse.parser", Set.of("sse.event"),
            "sse.reconnect", Set.of(),
            "sse.connection", Set.of("sse.event", "sse.parser", "sse.reconnect"),
            "sse.health", Set.of("sse.connection", "sse.event"));

    private static final Set<String> ENGINE = Set.of("sse.event", "sse.parser", "sse.reconnect", "sse.connection");

    @Test
    void theEngineImportsNothingFromCamelOrJackson() {
        for (String layer : ENGINE) {
            sourcesOf(layer).forEach(file -> assertThat(references(file))
                    .as("%s may use the JDK and SLF4J only", file)
                    .noneMatch(ref -> ref.startsWith("org.apache.camel") || ref.startsWith("com.fasterxml")
                                      || ref.startsWith("io.micrometer")));
        }
    }

    @Test
    void onlyTheMetricsPackageNamesMicrometerSoThatItStaysOptional() {
        Path metrics = ENGINE_ROOT.resolve("metrics");
        sourcesUnder(ENGINE_ROOT).filter(file -> !file.startsWith(metrics)).forEach(file -> assertThat(
                references(file))
                .as("%s must load without Micrometer on the classpath", file)
                .noneMatch(ref -> ref.startsWith("io.micrometer")));
        // SseMetrics names Micrometer's registry in a string only: the class-presence check
        assertThat(sourcesUnder(metrics).filter(file -> referencesOutsideStrings(file).stream()
                .anyMatch(ref -> ref.startsWith("io.micrometer"))).map(file -> file.getFileName().toString()))
                .as("the one class that names Micrometer types, called only once Micrometer is found")
                .containsExactly("SseMeters.java");
    }

    @Test
    void eachPackageUsesOnlyThePackagesBelowIt() {
        MAY_USE.forEach((layer, allowed) -> sourcesOf(layer).forEach(file -> assertThat(references(file))
                .filteredOn(ref -> ref.startsWith(OURS))
                .as("%s may use %s", file, allowed)
                .allSatisfy(ref -> assertThat(ref.substring(OURS.length()))
                        .satisfiesAnyOf(
                                used -> assertThat(used).startsWith(layer + "."),
                                used -> assertThat(allowed).anySatisfy(a -> assertThat(used).startsWith(a + "."))))));
    }

    @Test
    void theVendorModulesDoNotUseEachOther() {
        assertThat(sourcesUnder(Path.of("../camel-predicate-sse/src/main/java"))
                .flatMap(file -> references(file).stream())).noneMatch(ref -> ref.startsWith(OURS + "aidenid"));
        assertThat(sourcesUnder(Path.of("../camel-aidenid-sse/src/main/java"))
                .flatMap(file -> references(file).stream())).noneMatch(ref -> ref.startsWith(OURS + "predicate"));
    }

    @Test
    void supportUsesNoneOfTheComponentsAboveIt() {
        // the base classes of the three components know none of them: sse's own classes sit in the top package
        sourcesOf("sse.support").forEach(file -> assertThat(references(file)).filteredOn(ref -> ref.startsWith(OURS))
                .as("%s may not use a component", file)
                .noneMatch(ref -> ref.matches("io\\.camelsse\\.component\\.sse\\.[A-Z].*")
                                  || ref.startsWith(OURS + "predicate") || ref.startsWith(OURS + "aidenid")));
    }

    @Test
    void theSimulatorUsesNoneOfTheComponents() {
        // the components' tests run against it: it speaks the vendors' wire format with types of its own
        assertThat(sourcesUnder(Path.of("../camel-sse-simulator/src/main/java"))
                .flatMap(file -> references(file).stream())).noneMatch(ref -> ref.startsWith(OURS));
    }

    private static Stream<Path> sourcesOf(String layer) {
        Path dir = ENGINE_ROOT.resolve(layer.substring("sse.".length()));
        assertThat(dir).isDirectory();
        return sourcesUnder(dir);
    }

    private static Stream<Path> sourcesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> sources = files.filter(f -> f.toString().endsWith(".java")).toList();
            assertThat(sources).as("sources under %s", dir).isNotEmpty();
            return sources.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> referencesOutsideStrings(Path file) {
        try {
            String code = Files.readString(file).replaceAll("\"(?:[^\"\\\\\\n]|\\\\.)*\"", "\"\"");
            Matcher matcher = REFERENCE.matcher(code.replaceAll("(?m)^package [^;]*;", ""));
            return matcher.results().map(m -> m.group(1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every qualified name in the file's code (imports and inline), comments and the package line left out. */
    private static List<String> references(Path file) {
        try {
            String code = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "")
                    .replaceAll("(?m)^package [^;]*;", "");
            Matcher matcher = REFERENCE.matcher(code);
            return matcher.results().map(m -> m.group(1)).filter(ref -> !ref.endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
