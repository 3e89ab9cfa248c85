/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelsse.simulator.Fault;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.Vendor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every log line, with its stack trace, at TRACE for this project and DEBUG for Camel, through connects, drops,
 * reconnects, a malformed event, a 401 and a shutdown: the API key appears in none of them.
 */
class AidenIdSecretLoggingTest extends AidenIdRouteTestSupport {

    private static final String COMPONENT_KEY = "aid_component_secret_4711";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private AbstractAppender capture;

    @BeforeEach
    void captureEveryLogLine() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration config = logging.getConfiguration();
        capture = new AbstractAppender("secret-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                        .append(event.getMessage().getFormattedMessage());
                if (event.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    event.getThrown().printStackTrace(new PrintWriter(trace));
                    line.append('\n').append(trace);
                }
                lines.add(line.toString());
            }
        };
        capture.start();
        config.addAppender(capture);
        config.getRootLogger().addAppender(capture, Level.ALL, null);
        Configurator.setLevel("io.camelsse", Level.TRACE);
        Configurator.setLevel("org.apache.camel", Level.DEBUG);
        logging.updateLoggers();
    }

    @AfterEach
    void restoreLogging() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configurator.setLevel("io.camelsse", Level.INFO);
        Configurator.setLevel("org.apache.camel", Level.WARN);
        logging.getConfiguration().getRootLogger().removeAppender(capture.getName());
        capture.stop();
        logging.updateLoggers();
    }

    @Test
    void apiKeyNeverAppearsInALogLine() throws Exception {
        AidenIdSseComponent component = context.getComponent("aidenid-sse", AidenIdSseComponent.class);
        component.setApiKey(COMPONENT_KEY);
        String common = "baseUrl=" + SIM.baseUrl() + "&orgId=" + SseSimulator.AIDENID_ORG_ID + "&projectId="
                        + SseSimulator.AIDENID_PROJECT_ID + "&reconnectDelay=20";
        SIM.faults().nextStream(Fault.malformedJson(1), Fault.dropAfterEvents(2));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // the worst case: the key in the endpoint URI
                from("aidenid-sse:stream?apiKey=" + SseSimulator.AIDENID_API_KEY + "&" + common).routeId("good")
                        .log("event ${header.CamelSseEventId}: ${body}").process(received::add);
                // the component's key, refused by the server
                from("aidenid-sse:stream?" + common + "&lastEventIdRepositoryKey=other").routeId("refused")
                        .process(received::add);
            }
        });
        await().until(() -> SIM.stats().openStreams(Vendor.AIDENID) == 1);
        for (int i = 0; i < 4; i++) {
            SIM.aidenId().publishExtractionCompleted("ident_a1b2c3d4e5");
        }
        await().until(() -> received.size() == 4);
        await().until(() -> lines.stream().anyMatch(l -> l.contains("AidenID answered 401 unauthorized")));
        context.stop();

        assertThat(lines).anyMatch(l -> l.contains(": reconnected after "))
                .anyMatch(l -> l.contains("MalformedAidenIdEventException"))
                .anyMatch(l -> l.contains("apiKey=xxxxxx"));
        assertThat(lines).noneMatch(l -> l.contains(SseSimulator.AIDENID_API_KEY))
                .noneMatch(l -> l.contains(COMPONENT_KEY));
    }
}
