/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.util.concurrent.TimeUnit;

import io.camelsse.component.sse.fixture.FixtureServer;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

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
}
