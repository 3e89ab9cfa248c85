/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.kamelets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.SseSimulatorExtension;
import org.apache.camel.main.Main;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Camel K Pipe examples in kamelets/examples: each binds one of this module's Kamelets to a sink of the Apache
 * Kamelet catalog with properties that Kamelet and sink declare, and takes its credentials from a mounted Secret.
 * Each is also run under Camel Main against the simulator, in the form Camel K's operator gives it, with only the
 * address of the stream (and of the web hook) changed.
 */
class PipeExamplesTest {

    private static final Path EXAMPLES = Path.of("examples");

    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension(b -> b.keepAliveInterval(Duration.ofMillis(500)));

    @TempDir
    Path dir;

    private Main main;
    private HttpServer webhook;

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        if (webhook != null) {
            webhook.stop(0);
        }
    }

    static Stream<SourceKamelet> kamelets() {
        return SourceKamelet.ALL.stream();
    }

    @Test
    void everyExampleIsThePipeOfOneOfTheKamelets() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(
                            SourceKamelet.ALL.stream().map(k -> k.name() + "-pipe.yaml").toList());
        }
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void bindsTheKameletWithDeclaredPropertiesAndASecret(SourceKamelet k) {
        Map<String, Object> pipe = Yaml.load(EXAMPLES.resolve(k.name() + "-pipe.yaml"));
        assertThat(pipe).containsEntry("apiVersion", "camel.apache.org/v1").containsEntry("kind", "Pipe");
        Map<String, Object> spec = Yaml.map(pipe, "spec");

        Map<String, Object> source = Yaml.map(spec, "source");
        assertThat(Yaml.<Object>map(source, "ref")).isEqualTo(
                Map.of("kind", "Kamelet", "apiVersion", "camel.apache.org/v1", "name", k.name()));
        Map<String, Object> properties = Yaml.map(source, "properties");
        assertThat(k.properties().keySet()).as("declared by %s", k.name()).containsAll(properties.keySet());
        assertThat(properties).as("required by %s", k.name()).containsKeys(k.required().toArray(String[]::new));

        // a credential never stands in the Pipe: it comes from the Secret that the mount trait turns into properties
        String secretName = mountedSecret(pipe);
        for (String secret : k.secrets()) {
            assertThat(properties.get(secret)).as("%s comes from the Secret %s", secret, secretName)
                    .asString().matches(".*\\{\\{[^?}]+}}.*");
        }

        Map<String, Object> sink = Yaml.map(spec, "sink");
        Map<String, Object> sinkRef = Yaml.map(sink, "ref");
        assertThat(sinkRef).containsEntry("kind", "Kamelet").containsEntry("apiVersion", "camel.apache.org/v1");
        Map<String, Object> sinkKamelet = catalogKamelet((String) sinkRef.get("name"));
        Map<String, Object> sinkSchema = Yaml.map(Yaml.map(sinkKamelet, "spec"), "definition");
        Map<String, Object> sinkProperties = sink.containsKey("properties") ? Yaml.map(sink, "properties") : Map.of();
        assertThat(Yaml.<Object>map(sinkSchema, "properties").keySet()).containsAll(sinkProperties.keySet());
        if (sinkSchema.containsKey("required")) {
            assertThat(sinkProperties).containsKeys(Yaml.<String>list(sinkSchema, "required").toArray(String[]::new));
        }
    }

    @Test
    void predicatePipeLogsEveryStatusOfTheSession(SseSimulator sim) throws Exception {
        PredicateSession kyc = sim.predicate().createSession();
        Queue<String> logged = startPipe("predicate-sse-source",
                Map.of("sessionId", kyc.id(), "baseUrl", sim.baseUrl()), Map.of(),
                Map.of("predicate.api-key", SseSimulator.PREDICATE_API_KEY), "log:");

        await().atMost(Duration.ofSeconds(20)).until(() -> kyc.openStreams() == 1);
        kyc.advance();
        kyc.complete();
        await().atMost(Duration.ofSeconds(15)).until(() -> logged.size() >= 3);
        assertThat(logged).allMatch(body -> body.contains("\"sessionId\":\"" + kyc.id() + "\""));
        assertThat(List.copyOf(logged).get(2)).contains("\"status\":\"completed\"");
        assertThat(sim.lastRequest().header("Authorization")).isEqualTo("Bearer " + SseSimulator.PREDICATE_API_KEY);
    }

    @Test
    void aidenIdPipePostsEachExtractionToTheWebhook(SseSimulator sim) throws Exception {
        Queue<String> posted = new ConcurrentLinkedQueue<>();
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/extractions", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                posted.add(exchange.getRequestMethod() + " " + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        String hook = "http://127.0.0.1:" + webhook.getAddress().getPort() + "/extractions";
        startPipe("aidenid-sse-source", Map.of("baseUrl", sim.baseUrl()), Map.of("url", hook), Map.of("aidenid.api-key", SseSimulator.AIDENID_API_KEY,
                "aidenid.org-id", SseSimulator.AIDENID_ORG_ID,
                "aidenid.project-id", SseSimulator.AIDENID_PROJECT_ID), "http:");

        await().atMost(Duration.ofSeconds(20)).until(() -> sim.stats().openStreams() == 1);
        sim.aidenId().publishInboundReceived("ident_a1b2c3d4e5");
        sim.aidenId().publishExtractionCompleted("ident_a1b2c3d4e5");
        await().atMost(Duration.ofSeconds(15)).until(() -> !posted.isEmpty());
        // eventTypes=extraction.completed in the Pipe: the inbound.received before it was dropped
        assertThat(posted).hasSize(1);
        assertThat(posted.peek()).startsWith("POST ").contains("\"identity_id\":\"ident_a1b2c3d4e5\"",
                "\"type\":\"otp\"");
    }

    @Test
    void ssePipeSendsTheHeadersFromTheSecret(SseSimulator sim) throws Exception {
        Queue<String> logged = startPipe("sse-source", Map.of("url", sim.baseUrl() + "/v1/realtime/stream"), Map.of(),
                Map.of("stream.request-headers",
                "Authorization: Bearer " + SseSimulator.AIDENID_API_KEY + ", X-Org-Id: " + SseSimulator.AIDENID_ORG_ID
                        + ", X-Project-Id: " + SseSimulator.AIDENID_PROJECT_ID), "log:");

        await().atMost(Duration.ofSeconds(20)).until(() -> sim.stats().openStreams() == 1);
        assertThat(sim.lastRequest().header("X-Project-Id")).isEqualTo(SseSimulator.AIDENID_PROJECT_ID);
        sim.aidenId().publishIdentityCreated("ident_a1b2c3d4e5");
        await().atMost(Duration.ofSeconds(15)).until(() -> !logged.isEmpty());
        assertThat(logged.peek()).contains("\"identity_id\":\"ident_a1b2c3d4e5\"");
    }

    /**
     * Runs an example Pipe the way Camel K's operator turns it into an integration: a route from
     * kamelet:SOURCE/source to kamelet:SINK/sink, and each property of the Pipe as the application property
     * camel.kamelet.NAME.ID.PROPERTY, next to the properties of the mounted Secret. The given source and sink
     * properties replace the example's (addresses of the simulator and of the web hook). Returns the bodies sent to
     * the sink's endpoint.
     */
    private Queue<String> startPipe(String kamelet, Map<String, Object> source, Map<String, Object> sink,
            Map<String, String> secretProperties, String sinkScheme) throws IOException {
        Map<String, Object> pipe = Yaml.load(EXAMPLES.resolve(kamelet + "-pipe.yaml"));
        Map<String, Object> spec = Yaml.map(pipe, "spec");
        Map<String, String> applicationProperties = new LinkedHashMap<>(secretProperties);
        String sourceName = bind(Yaml.map(spec, "source"), "source", source, applicationProperties);
        String sinkName = bind(Yaml.map(spec, "sink"), "sink", sink, applicationProperties);
        Path route = dir.resolve(kamelet + "-integration.yaml");
        Files.writeString(route, Yaml.dump(List.of(Map.of("route", Map.of(
                "id", Yaml.map(pipe, "metadata").get("name"),
                "from", Map.of("uri", "kamelet:" + sourceName + "/source",
                        "steps", List.of(Map.of("to", "kamelet:" + sinkName + "/sink"))))))));

        Queue<String> sent = new ConcurrentLinkedQueue<>();
        main = new Main();
        main.configure().withRoutesIncludePattern("file:" + route.toAbsolutePath());
        applicationProperties.forEach(main::addInitialProperty);
        main.bind("sentToSink", new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof ExchangeSentEvent sentEvent
                        && sentEvent.getEndpoint().getEndpointUri().startsWith(sinkScheme)) {
                    sent.add(sentEvent.getExchange().getMessage().getBody(String.class));
                }
            }
        });
        main.start();
        return sent;
    }

    private static String bind(Map<String, Object> endpoint, String id, Map<String, Object> replaced,
            Map<String, String> applicationProperties) {
        String name = (String) Yaml.map(endpoint, "ref").get("name");
        Map<String, Object> properties = new LinkedHashMap<>(Yaml.map(endpoint, "properties"));
        replaced.forEach((key, value) -> {
            // the examples keep the vendors' default base URL; anything else replaced here is in the example
            if (!"baseUrl".equals(key)) {
                assertThat(properties).as("the example sets %s", key).containsKey(key);
            }
            properties.put(key, value);
        });
        properties.forEach((key, value) -> applicationProperties.put(
                "camel.kamelet." + name + "." + id + "." + key, String.valueOf(value)));
        return name;
    }

    @SuppressWarnings("unchecked")
    private static String mountedSecret(Map<String, Object> pipe) {
        Map<String, Object> annotations = Yaml.map(Yaml.map(pipe, "metadata"), "annotations");
        String configs = (String) annotations.get("trait.camel.apache.org/mount.configs");
        assertThat(configs).as("the mount trait's configs").isNotNull();
        List<String> mounted = (List<String>) new org.snakeyaml.engine.v2.api.Load(
                org.snakeyaml.engine.v2.api.LoadSettings.builder().build()).loadFromString(configs);
        assertThat(mounted).hasSize(1);
        assertThat(mounted.get(0)).startsWith("secret:");
        return mounted.get(0).substring("secret:".length());
    }

    private static Map<String, Object> catalogKamelet(String name) {
        try (InputStream in = PipeExamplesTest.class.getResourceAsStream("/kamelets/" + name + ".kamelet.yaml")) {
            assertThat(in).as("%s in the Apache Kamelet catalog", name).isNotNull();
            return Yaml.load(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
