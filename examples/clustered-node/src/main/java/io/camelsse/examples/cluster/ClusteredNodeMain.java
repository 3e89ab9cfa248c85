/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.cluster;

import java.io.File;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import org.apache.camel.CamelContext;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * One replica; start two or more (see docs/clustering.md). Settings from the environment:
 * <ul>
 * <li>{@code NODE_NAME} (required): this replica's name in the cluster, e.g. {@code node-a};</li>
 * <li>{@code ZOOKEEPER} (default {@code 127.0.0.1:2181}): the ZooKeeper ensemble;</li>
 * <li>{@code POSITIONS_FILE} (default {@code camel-sse-cluster/aidenid-positions.dat} in the JVM's temporary
 * directory, {@code java.io.tmpdir}): the stream's position, on storage every replica sees;</li>
 * <li>{@code AIDENID_BASE_URL} (default {@code http://127.0.0.1:8089}, the standalone simulator),
 * {@code AIDENID_API_KEY}, {@code AIDENID_ORG_ID}, {@code AIDENID_PROJECT_ID} (default: the simulator's).</li>
 * </ul>
 * Runs until Ctrl+C, which stops the context gracefully and hands the stream over at once.
 */
public final class ClusteredNodeMain {

    private ClusteredNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        String nodeName = required("NODE_NAME");
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(nodeName);

        ZooKeeperClusterService cluster = new ZooKeeperClusterService();
        cluster.setId(nodeName);
        cluster.setNodes(setting("ZOOKEEPER", "127.0.0.1:2181"));
        cluster.setBasePath("/camel-sse/cluster");
        // bounds how long a replica that died unseen (kill -9, lost network) keeps the leadership
        cluster.setSessionTimeout(10_000);
        context.addService(cluster);

        File positions = new File(setting("POSITIONS_FILE", new File(System.getProperty("java.io.tmpdir"),
                "camel-sse-cluster/aidenid-positions.dat").getPath()));
        positions.getParentFile().mkdirs();
        context.getRegistry().bind("positions", FileStateRepository.fileStateRepository(positions));

        Properties credentials = new Properties();
        credentials.setProperty("aidenid.api-key", setting("AIDENID_API_KEY", "aid_sim_test_key"));
        credentials.setProperty("aidenid.org-id", setting("AIDENID_ORG_ID", "org_sim"));
        credentials.setProperty("aidenid.project-id", setting("AIDENID_PROJECT_ID", "proj_sim"));
        context.getPropertiesComponent().setInitialProperties(credentials);

        context.addRoutes(new ClusteredEventsRoute(nodeName, setting("AIDENID_BASE_URL", "http://127.0.0.1:8089")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.stop();
            stopped.countDown();
        }, "graceful-stop"));
        context.start();
        stopped.await();
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Set " + name + ", e.g. " + name + "=node-a");
        }
        return value;
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
