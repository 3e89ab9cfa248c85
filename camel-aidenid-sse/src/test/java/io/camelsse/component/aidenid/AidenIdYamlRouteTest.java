/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.nio.file.Path;

import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.SseSimulatorExtension;
import io.camelsse.simulator.Vendor;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;

/** A YAML DSL route under camel-main, with the credentials set on the component through properties. */
class AidenIdYamlRouteTest {

    @RegisterExtension
    static final SseSimulatorExtension SIM = new SseSimulatorExtension();

    @Test
    void yamlRouteUnderCamelMainDeliversTypedEventsAndStoresItsPosition(@TempDir Path dir) throws Exception {
        Main main = new Main();
        main.addInitialProperty("positions.file", dir.resolve("positions.dat").toString());
        main.configure().withRoutesIncludePattern("classpath:routes/aidenid-route.yaml");
        main.addInitialProperty("sim.baseUrl", SIM.baseUrl());
        main.addInitialProperty("camel.component.aidenid-sse.api-key", SseSimulator.AIDENID_API_KEY);
        main.addInitialProperty("camel.component.aidenid-sse.org-id", SseSimulator.AIDENID_ORG_ID);
        main.addInitialProperty("camel.component.aidenid-sse.project-id", SseSimulator.AIDENID_PROJECT_ID);
        main.start();
        try {
            await().until(() -> SIM.stats().openStreams(Vendor.AIDENID) == 1);
            MockEndpoint codes = main.getCamelContext().getEndpoint("mock:codes", MockEndpoint.class);
            codes.expectedBodiesReceived("ident_a1b2c3d4e5 otp 0.99", "ident_f6g7h8i9j0 link 0.87");

            SIM.aidenId().publishInboundReceived("ident_a1b2c3d4e5");
            SIM.aidenId().publishExtractionCompleted("ident_a1b2c3d4e5");
            SIM.aidenId().publishIdentityExpired("ident_a1b2c3d4e5");
            String last = SIM.aidenId().publishExtractionCompleted("ident_f6g7h8i9j0", "link", false, 0.87);

            codes.assertIsSatisfied(10_000);
            FileStateRepository positions = main.getCamelContext().getRegistry()
                    .lookupByNameAndType("positions", FileStateRepository.class);
            await().until(() -> last.equals(positions.getState("aidenid-sse/org_sim/proj_sim")));
        } finally {
            main.stop();
        }
    }
}
