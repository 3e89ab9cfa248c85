/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.clustering;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.camelsse.component.predicate.JdbcWatchRepository;
import io.camelsse.component.predicate.PredicateSseConstants;
import io.camelsse.simulator.SseSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.h2.jdbcx.JdbcDataSource;

/**
 * One replica of an integration that watches Predicate sessions, in a JVM of its own: {@code predicate-sse:watch}
 * under {@code master:} with camel-zookeeper's cluster service, its watch set in a database every replica reaches
 * ({@link JdbcWatchRepository}), and {@code direct:watch} adding sessions through {@code to("predicate-sse:watch")}
 * on whichever replica is asked, leader or not. Each status it processes is appended to its ledger as
 * {@code <session ID> <status>}.
 * <p>
 * Arguments: node name, ZooKeeper connect string, simulator base URL, JDBC URL, ledger file, ZooKeeper session timeout
 * in ms. Writes {@code <ledger>.started} once its context has started. Standard input: {@code add <session ID>} adds
 * the session and then appends its ID to {@code <ledger>.added} ({@code !<session ID>} when the exchange failed);
 * {@code stop}, or the end of the input, stops the context.
 */
public final class WatchClusterNode {

    private WatchClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        Path ledger = Path.of(args[4]);
        Path added = Path.of(args[4] + ".added");
        CamelContext context = ClusterNode.clusteredContext(name, args[1], Long.parseLong(args[5]));

        JdbcDataSource database = new JdbcDataSource();
        database.setURL(args[3]);
        context.getRegistry().bind("watchRepository", new JdbcWatchRepository(database));

        String watch = "predicate-sse:watch?watchRepository=#watchRepository&baseUrl=" + args[2] + "&apiKey="
                       + SseSimulator.PREDICATE_API_KEY + "&reconnectDelay=50&maxReconnectDelay=500"
                       + "&maxConnectsPerSecond=0&watchRefreshInterval=200";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:predicate-watch:" + watch).routeId("predicate-watch")
                        .process(exchange -> append(ledger,
                                exchange.getMessage().getHeader(PredicateSseConstants.SESSION_ID, String.class) + " "
                                                    + exchange.getMessage().getHeader(PredicateSseConstants.STATUS,
                                                            String.class)));
                from("direct:watch").routeId("add-session").to(watch);
            }
        });
        context.start();
        Files.writeString(Path.of(args[4] + ".started"), name);

        ProducerTemplate producer = context.createProducerTemplate();
        try (BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = commands.readLine()) != null && !line.equals("stop")) {
                if (line.startsWith("add ")) {
                    String sessionId = line.substring(4).trim();
                    try {
                        producer.sendBodyAndHeader("direct:watch", null, PredicateSseConstants.SESSION_ID, sessionId);
                        append(added, sessionId);
                    } catch (RuntimeException e) {
                        e.printStackTrace();
                        append(added, "!" + sessionId);
                    }
                }
            }
        }
        context.stop();
        System.exit(0);
    }

    private static void append(Path file, String line) throws IOException {
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
