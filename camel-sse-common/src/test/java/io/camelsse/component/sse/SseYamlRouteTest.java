/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.camelsse.component.sse.fixture.FixtureServer;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SseYamlRouteTest {

    @Test
    void yamlRouteUnderCamelMainDeliversEvents() throws Exception {
        try (FixtureServer server = new FixtureServer()) {
            server.enqueue(c -> {
                c.eventStream().raw("event: greeting\ndata: hello\n\ndata: ignored\n\nevent: greeting\ndata: again\n\n");
                c.holdOpen(30, TimeUnit.SECONDS);
            });
            Main main = new Main();
            main.configure().withRoutesIncludePattern("classpath:routes/sse-route.yaml");
            main.addInitialProperty("fixture.port", String.valueOf(server.port()));
            main.start();
            try {
                MockEndpoint greetings = main.getCamelContext().getEndpoint("mock:greetings", MockEndpoint.class);
                greetings.expectedBodiesReceived("hello", "again");
                greetings.assertIsSatisfied(10_000);
            } finally {
                main.stop();
            }
        }
    }

    @Test
    void requestHeadersUnderYamlParametersReachTheServerWithTheirNamesAsWritten() throws Exception {
        try (FixtureServer server = new FixtureServer()) {
            server.enqueue(oneEventThenHold());
            Main main = new Main();
            main.configure().withRoutesIncludePattern("classpath:routes/sse-headers-route.yaml");
            main.addInitialProperty("fixture.port", String.valueOf(server.port()));
            main.addInitialProperty("fixture.key", "k&ey=canary");
            main.start();
            try {
                await().until(() -> server.requests().size() == 1);
                String head = new String(server.requests().get(0).rawHead(), StandardCharsets.ISO_8859_1);
                assertThat(head).contains("\r\nX-Org-Id: org_sim\r\n", "\r\nX-Api-Key: k&ey=canary\r\n",
                        "\r\nAccept-Language: en, fr\r\n");
                assertThat(head).doesNotContain("XOrgId", "XApiKey");
            } finally {
                main.stop();
            }
        }
    }

    @Test
    void requestHeadersFromApplicationPropertiesApplyToEveryEndpointAndAnEndpointOverridesByName()
            throws Exception {
        try (FixtureServer server = new FixtureServer()) {
            server.enqueue(oneEventThenHold());
            Main main = new Main();
            main.configure().withRoutesIncludePattern("classpath:routes/sse-component-headers-route.yaml");
            main.setPropertyPlaceholderLocations("classpath:sse-headers.properties");
            main.addInitialProperty("fixture.port", String.valueOf(server.port()));
            main.start();
            try {
                await().until(() -> server.requests().size() == 1);
                String head = new String(server.requests().get(0).rawHead(), StandardCharsets.ISO_8859_1);
                assertThat(head).contains("\r\nX-Org-Id: org_props\r\n", "\r\nX-Project-Id: proj-override\r\n");
                assertThat(head).doesNotContain("proj-7");
            } finally {
                main.stop();
            }
        }
    }

    private static FixtureServer.Script oneEventThenHold() {
        return c -> {
            c.eventStream().raw("data: one\n\n");
            c.holdOpen(30, TimeUnit.SECONDS);
        };
    }
}
