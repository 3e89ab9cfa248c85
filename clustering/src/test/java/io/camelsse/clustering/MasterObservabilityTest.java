/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.clustering;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.Vendor;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer that {@code master:} wraps is not its route's consumer, so Camel's consumers health check repository and
 * a walk over the routes never see it: its health check and its row in the dev console must reach them all the same.
 */
class MasterObservabilityTest {

    @TempDir
    Path dir;

    @Test
    void theConsumersMasterWrapsShowTheirHealthAndTheirStreams() throws Exception {
        try (ClusterServers servers = new ClusterServers(dir)) {
            SseSimulator simulator = servers.simulator;
            CamelContext context = ClusterNode.clusteredContext("node-a", servers.zooKeeper.getConnectString(),
                    ClusterServers.SESSION_TIMEOUT.toMillis());
            String aidenId = "aidenid-sse:stream?baseUrl=" + simulator.baseUrl() + "&orgId="
                             + SseSimulator.AIDENID_ORG_ID + "&projectId=" + SseSimulator.AIDENID_PROJECT_ID;
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("master:aidenid-events:" + aidenId + "&apiKey=" + SseSimulator.AIDENID_API_KEY)
                            .routeId("aidenid-events").to("log:events?level=DEBUG");
                    from("master:aidenid-refused:" + aidenId + "&apiKey=not-the-key")
                            .routeId("aidenid-refused").to("log:never");
                }
            });
            context.start();
            // every check's result, not only the failing ones
            HealthCheckRegistry.get(context).setExposureLevel("full");
            try {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> simulator.stats().openStreams(Vendor.AIDENID) == 1);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    Map<String, HealthCheck.Result> checks = readiness(context);
                    assertThat(checks).containsKeys("aidenid-sse-consumer-aidenid-events",
                            "aidenid-sse-consumer-aidenid-refused");
                    assertThat(checks.get("aidenid-sse-consumer-aidenid-events").getDetails())
                            .containsEntry("sse.state", "CONNECTED");
                    assertThat(checks.get("aidenid-sse-consumer-aidenid-events").getState())
                            .isEqualTo(HealthCheck.State.UP);
                    assertThat(checks.get("aidenid-sse-consumer-aidenid-refused").getState())
                            .as("a 401 fails the stream for good").isEqualTo(HealthCheck.State.DOWN);
                });
                DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("sse");
                assertThat((String) console.call(DevConsole.MediaType.TEXT))
                        .contains("aidenid-events").contains("aidenid-refused");

                context.getRouteController().stopRoute("aidenid-refused");
                assertThat(readiness(context)).doesNotContainKey("aidenid-sse-consumer-aidenid-refused");
                assertThat((String) console.call(DevConsole.MediaType.TEXT)).doesNotContain("aidenid-refused");
            } finally {
                context.stop();
            }
        }
    }

    private static Map<String, HealthCheck.Result> readiness(CamelContext context) {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .collect(Collectors.toMap(result -> result.getCheck().getId(), result -> result));
    }
}
