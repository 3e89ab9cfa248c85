/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.clustering;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.camelsse.simulator.SseSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.processor.resume.TransientResumeStrategy;
import org.apache.camel.processor.resume.kafka.KafkaResumeStrategyConfiguration;
import org.apache.camel.processor.resume.kafka.KafkaResumeStrategyConfigurationBuilder;
import org.apache.camel.processor.resume.kafka.SingleNodeKafkaResumeStrategy;
import org.apache.camel.resume.ResumeStrategy;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * One replica of an integration, in a JVM of its own: {@code aidenid-sse:stream} under {@code master:}, with
 * camel-zookeeper's cluster service, and its position where every replica sees it: in a file on a shared volume
 * ({@code file:<path>}, the {@code lastEventIdRepository} option), or in a Kafka topic ({@code kafka:<bootstrap
 * servers>/<topic>}, camel-kafka's resume strategy and the {@code resumable()} EIP). Each event it processes is
 * appended to its own ledger, which the test reads.
 * <p>
 * Arguments: node name, ZooKeeper connect string, simulator base URL, position store, ledger file, ZooKeeper session
 * timeout in ms. Writes {@code <ledger>.started} once its context has started; stops gracefully when its
 * standard input says {@code stop} or ends.
 */
public final class ClusterNode {

    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        Path ledger = Path.of(args[4]);
        CamelContext context = clusteredContext(name, args[1], Long.parseLong(args[5]));

        String store = args[3];
        ResumeStrategy kafkaPositions = null;
        String options = "";
        if (store.startsWith("file:")) {
            context.getRegistry().bind("positions",
                    FileStateRepository.fileStateRepository(Path.of(store.substring(5)).toFile()));
            options = "&lastEventIdRepository=#positions";
        } else {
            kafkaPositions = kafkaResumeStrategy(store.substring(6));
        }
        ResumeStrategy resumeStrategy = kafkaPositions;
        String stream = "aidenid-sse:stream?baseUrl=" + args[2] + "&apiKey=" + SseSimulator.AIDENID_API_KEY
                        + "&orgId=" + SseSimulator.AIDENID_ORG_ID + "&projectId=" + SseSimulator.AIDENID_PROJECT_ID
                        + "&reconnectDelay=50&maxReconnectDelay=500" + options;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                ProcessorDefinition<?> route = from("master:aidenid-events:" + stream).routeId("aidenid-events");
                if (resumeStrategy != null) {
                    route = route.resumable().resumeStrategy(resumeStrategy);
                }
                route.process(exchange -> Files.writeString(ledger,
                                exchange.getMessage().getHeader("CamelSseEventId", String.class) + "\n",
                                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
            }
        });
        context.start();
        Files.writeString(Path.of(args[4] + ".started"), name);

        try (BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            do {
                line = commands.readLine();
            } while (line != null && !line.equals("stop"));
        }
        context.stop();
        System.exit(0);
    }

    /** A context named after the node, which joins the ZooKeeper cluster that {@code master:} elects its leader in. */
    static CamelContext clusteredContext(String name, String zooKeeper, long sessionTimeoutMillis) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        ZooKeeperClusterService cluster = new ZooKeeperClusterService();
        cluster.setId(name);
        cluster.setNodes(zooKeeper);
        cluster.setBasePath("/camel-sse/cluster");
        cluster.setSessionTimeout(sessionTimeoutMillis);
        cluster.setConnectTimeout(5000);
        context.addService(cluster);
        return context;
    }

    /**
     * camel-kafka's strategy on a topic of one partition. With {@code master:} it needs a resume cache: Camel gives
     * the master consumer a cacheable adapter of its own before the aidenid-sse consumer gets its adapter.
     */
    private static ResumeStrategy kafkaResumeStrategy(String bootstrapAndTopic) {
        int slash = bootstrapAndTopic.lastIndexOf('/');
        KafkaResumeStrategyConfiguration configuration = KafkaResumeStrategyConfigurationBuilder.newBuilder()
                .withBootstrapServers(bootstrapAndTopic.substring(0, slash))
                .withTopic(bootstrapAndTopic.substring(slash + 1))
                .withConsumerProperty("auto.offset.reset", "earliest")
                .withResumeCache(TransientResumeStrategy.createSimpleCache())
                .build();
        return new SingleNodeKafkaResumeStrategy(configuration);
    }
}
