/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.SseSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.PropertiesFunction;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's YAML routes, taken from the README itself and run as written under Camel Main: {@code env:}
 * placeholders answer with the simulator's test credentials, and the components' base URLs point at the simulator.
 */
class ReadmeYamlExamplesTest {

    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
    private static final String STREAM_API_KEY = "readme-test-key";

    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension();

    private final List<Exchange> completed = new CopyOnWriteArrayList<>();
    private final CountDownLatch serverDone = new CountDownLatch(1);
    private final List<Map<String, List<String>>> streamRequests = new CopyOnWriteArrayList<>();
    private HttpServer orderStream;
    private Main main;

    @BeforeEach
    void startOrderStream() throws IOException {
        // a stream that answers only a request with the README's headers, names and all
        orderStream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        orderStream.setExecutor(Executors.newCachedThreadPool());
        orderStream.createContext("/v1/events", exchange -> {
            streamRequests.add(Map.copyOf(exchange.getRequestHeaders()));
            boolean authorised = "acme".equals(exchange.getRequestHeaders().getFirst("X-Tenant"))
                                 && STREAM_API_KEY.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"));
            if (!authorised) {
                exchange.sendResponseHeaders(403, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(("event: order.updated\nid: o-1\ndata: {\"order\":1}\n\n"
                            + "event: order.created\nid: o-2\ndata: {\"order\":2}\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.flush();
                serverDone.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        orderStream.start();
    }

    @AfterEach
    void stopAll() {
        if (main != null) {
            main.stop();
        }
        serverDone.countDown();
        orderStream.stop(0);
    }

    @Test
    void theReadmesYamlRoutesRunAsWritten(@TempDir Path dir) throws Exception {
        List<String> blocks = yamlBlocksOfTheReadme();
        assertThat(blocks).as("sse:, predicate-sse: and aidenid-sse: examples").hasSize(3);
        for (int i = 0; i < blocks.size(); i++) {
            Files.writeString(dir.resolve("readme-" + i + ".yaml"), blocks.get(i));
        }
        PredicateSession session = SIM.predicate().newSession().happyPath(Duration.ofMillis(200)).create();
        Map<String, String> environment = Map.of(
                "STREAM_URL", "http://127.0.0.1:" + orderStream.getAddress().getPort() + "/v1/events",
                "STREAM_API_KEY", STREAM_API_KEY,
                "PREDICATE_SESSION_ID", session.id(),
                "PREDICATE_API_KEY", SseSimulator.PREDICATE_API_KEY,
                "AIDENID_API_KEY", SseSimulator.AIDENID_API_KEY,
                "AIDENID_ORG_ID", SseSimulator.AIDENID_ORG_ID,
                "AIDENID_PROJECT_ID", SseSimulator.AIDENID_PROJECT_ID);

        main = new Main();
        // the README's routes alone: not the demo's own application.properties and routes
        main.setDefaultPropertyPlaceholderLocation("false");
        main.configure().withRoutesIncludePattern("file:" + dir.toAbsolutePath() + "/*.yaml");
        main.addInitialProperty("camel.component.predicate-sse.base-url", SIM.baseUrl());
        main.addInitialProperty("camel.component.aidenid-sse.base-url", SIM.baseUrl());
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport support) {
                CamelContext context = support.getCamelContext();
                context.getPropertiesComponent().addPropertiesFunction(new FixedEnvironment(environment));
                context.getManagementStrategy().addEventNotifier(new CompletedExchanges());
            }
        });
        main.start();

        await().until(() -> SIM.stats().openStreams() >= 1);
        String extraction = SIM.aidenId().publishExtractionCompleted("ident_a1b2c3d4e5");
        SIM.aidenId().publishIdentityCreated("ident_a1b2c3d4e5");

        await().atMost(30, TimeUnit.SECONDS).until(() -> completedWith("CamelSseEventId", "o-2")
                && completedWith("CamelPredicateStatus", "completed")
                && completedWith("CamelSseEventId", extraction));
        // the JDK server spells names its own way; a name that lost its dash would read Xtenant
        assertThat(streamRequests).first().satisfies(headers -> assertThat(headers).containsKeys("X-tenant", "X-api-key"));
        assertThat(completed).as("kept out by eventTypes")
                .noneMatch(e -> "identity.created".equals(e.getMessage().getHeader("CamelSseEventType")));
    }

    private boolean completedWith(String header, String value) {
        return completed.stream().anyMatch(e -> value.equals(e.getMessage().getHeader(header)));
    }

    private static List<String> yamlBlocksOfTheReadme() throws IOException {
        String readme = Files.readString(Path.of("..", "..", "README.md"));
        List<String> blocks = new ArrayList<>();
        Matcher matcher = YAML_BLOCK.matcher(readme);
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    /** {@code {{env:NAME}}} from a map instead of the process environment, which a test cannot set. */
    private static final class FixedEnvironment implements PropertiesFunction {
        private final Map<String, String> values;

        FixedEnvironment(Map<String, String> values) {
            this.values = values;
        }

        @Override
        public String getName() {
            return "env";
        }

        @Override
        public String apply(String remainder) {
            return values.get(remainder);
        }
    }

    private final class CompletedExchanges extends EventNotifierSupport {
        @Override
        public void notify(CamelEvent event) {
            if (event instanceof CamelEvent.ExchangeCompletedEvent done && done.getExchange().getException() == null) {
                completed.add(done.getExchange().copy());
            }
        }

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof CamelEvent.ExchangeCompletedEvent;
        }
    }
}
