/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.clustering;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.Vendor;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.resume.TransientResumeStrategy;
import org.apache.camel.processor.resume.kafka.KafkaResumeStrategyConfigurationBuilder;
import org.apache.camel.processor.resume.kafka.SingleNodeKafkaResumeStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node that leads a second time in the same JVM (it lost the leadership but stayed up, as after a partition) resumes
 * from the newest position any node wrote through camel-kafka's resume strategy: losing the leadership stops the
 * wrapped consumer only, not the route's strategy, and the second leadership reads the positions the strategy's own
 * reading thread has gone on collecting.
 */
class KafkaReLeadershipTest {

    private static final String TOPIC = "aidenid-positions";

    @TempDir
    Path dir;

    @Test
    void aNodeThatLeadsAgainInTheSameJvmResumesFromTheOtherNodesPosition() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"));
             SseSimulator simulator = SseSimulator.builder().aidenIdRetry(Duration.ofMillis(20)).build().start()) {
            kafka.createSinglePartitionTopic(TOPIC);
            List<String> onA = new CopyOnWriteArrayList<>();
            List<String> onB = new CopyOnWriteArrayList<>();
            SwitchableClusterService clusterA = new SwitchableClusterService("node-a");
            SwitchableClusterService clusterB = new SwitchableClusterService("node-b");
            CamelContext a = node(clusterA, kafka, simulator, onA);
            CamelContext b = node(clusterB, kafka, simulator, onB);
            try {
                clusterA.setLeader(true);
                await().atMost(Duration.ofSeconds(30)).until(() -> simulator.stats().openStreams(
                        Vendor.AIDENID) == 1);
                publish(simulator, 3);
                await().atMost(Duration.ofSeconds(30)).until(() -> onA.size() == 3);

                // A loses the leadership (its JVM stays up); B takes over
                clusterA.setLeader(false);
                await().atMost(Duration.ofSeconds(30)).until(() -> simulator.stats().openStreams(
                        Vendor.AIDENID) == 0);
                clusterB.setLeader(true);
                await().atMost(Duration.ofSeconds(30)).until(() -> simulator.stats().openStreams(
                        Vendor.AIDENID) == 1);
                publish(simulator, 3);
                await().atMost(Duration.ofSeconds(30)).until(() -> onB.size() == 3);

                // B loses the leadership; A leads again, in the same JVM, with the same strategy instance
                clusterB.setLeader(false);
                await().atMost(Duration.ofSeconds(30)).until(() -> simulator.stats().openStreams(
                        Vendor.AIDENID) == 0);
                clusterA.setLeader(true);
                await().atMost(Duration.ofSeconds(20))
                        .alias("A's consumer starts again when A leads again (it stays the leader either way)")
                        .until(() -> simulator.stats().openStreams(Vendor.AIDENID) == 1);
                publish(simulator, 1);
                await().atMost(Duration.ofSeconds(30)).until(() -> onA.contains("evt_000007"));

                assertThat(onB).containsExactly("evt_000004", "evt_000005", "evt_000006");
                assertThat(onA).as("A's second leadership resumes after B's last event, evt_000006")
                        .containsExactly("evt_000001", "evt_000002", "evt_000003", "evt_000007");
            } finally {
                a.stop();
                b.stop();
            }
        }
    }

    private static CamelContext node(SwitchableClusterService cluster, EmbeddedKafka kafka, SseSimulator simulator,
                                     List<String> processed) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(cluster.getId());
        context.addService(cluster);
        SingleNodeKafkaResumeStrategy kafkaStrategy = new SingleNodeKafkaResumeStrategy(
                KafkaResumeStrategyConfigurationBuilder.newBuilder()
                        .withBootstrapServers(kafka.bootstrapServers())
                        .withTopic(TOPIC)
                        .withResumeCache(TransientResumeStrategy.createSimpleCache())
                        .build());
        kafkaStrategy.setCamelContext(context);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:aidenid-events:aidenid-sse:stream?baseUrl=" + simulator.baseUrl() + "&apiKey="
                     + SseSimulator.AIDENID_API_KEY + "&orgId=" + SseSimulator.AIDENID_ORG_ID + "&projectId="
                     + SseSimulator.AIDENID_PROJECT_ID + "&resumeReadTimeout=4000")
                        .routeId("aidenid-events")
                        .resumable().resumeStrategy(kafkaStrategy)
                        .process(e -> processed.add(e.getMessage().getHeader("CamelSseEventId", String.class)));
            }
        });
        context.start();
        return context;
    }

    private static void publish(SseSimulator simulator, int count) {
        for (int i = 0; i < count; i++) {
            simulator.aidenId().publishIdentityCreated("ident_a1b2c3d4e5");
        }
    }
}
