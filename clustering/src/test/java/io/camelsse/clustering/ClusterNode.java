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
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * One replica of an integration, in a JVM of its own: {@code aidenid-sse:stream} under {@code master:}, with
 * camel-zookeeper's cluster service, and its position in a file that every replica sees (a shared volume). Each event
 * it processes is appended to its own ledger, which the test reads.
 * <p>
 * Arguments: node name, ZooKeeper connect string, simulator base URL, shared position file, ledger file, ZooKeeper
 * session timeout in ms. Writes {@code <ledger>.started} once its context has started; stops gracefully when its
 * standard input says {@code stop} or ends.
 */
public final class ClusterNode {

    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        Path ledger = Path.of(args[4]);
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);

        ZooKeeperClusterService cluster = new ZooKeeperClusterService();
        cluster.setId(name);
        cluster.setNodes(args[1]);
        cluster.setBasePath("/camel-sse/cluster");
        cluster.setSessionTimeout(Long.parseLong(args[5]));
        cluster.setConnectTimeout(5000);
        context.addService(cluster);

        context.getRegistry().bind("positions", FileStateRepository.fileStateRepository(Path.of(args[3]).toFile()));
        String stream = "aidenid-sse:stream?baseUrl=" + args[2] + "&apiKey=" + SseSimulator.AIDENID_API_KEY
                        + "&orgId=" + SseSimulator.AIDENID_ORG_ID + "&projectId=" + SseSimulator.AIDENID_PROJECT_ID
                        + "&reconnectDelay=50&maxReconnectDelay=500&lastEventIdRepository=#positions";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:aidenid-events:" + stream).routeId("aidenid-events")
                        .process(exchange -> Files.writeString(ledger,
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
}
