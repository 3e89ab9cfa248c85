/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.clustering;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A node ({@link ClusterNode}, {@link WatchClusterNode}) in a JVM of its own, started from the test's class path, with
 * its ledger: a line per event or status it processed.
 */
final class NodeProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path ledger;

    private NodeProcess(String name, Process process, Path ledger) {
        this.name = name;
        this.process = process;
        this.ledger = ledger;
    }

    /** Starts the node and returns once its Camel context has started (it may or may not be the leader). */
    static NodeProcess start(String name, Path dir, String zooKeeper, String simulator, String positions,
                             Duration sessionTimeout) throws IOException {
        return start(ClusterNode.class, name, dir, zooKeeper, simulator, positions, sessionTimeout);
    }

    /**
     * Starts the node class with the arguments every node takes: node name, ZooKeeper connect string, simulator
     * base URL, where the shared state is, ledger file, ZooKeeper session timeout in ms.
     */
    static NodeProcess start(Class<?> main, String name, Path dir, String zooKeeper, String simulator, String store,
                             Duration sessionTimeout) throws IOException {
        // kept after the run, beside the test reports
        Path runDir = Files.createDirectories(Path.of("target", "cluster-nodes", dir.getFileName().toString()));
        Path ledger = runDir.resolve(name + ".ledger").toAbsolutePath();
        Path log = runDir.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Djava.net.preferIPv4Stack=true", "-cp", System.getProperty("java.class.path"),
                main.getName(), name, zooKeeper, simulator, store, ledger.toString(),
                Long.toString(sessionTimeout.toMillis())));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        NodeProcess node = new NodeProcess(name, process, ledger);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Files.exists(Path.of(ledger + ".started")) || !process.isAlive());
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited at start, see " + log.toAbsolutePath());
        }
        return node;
    }

    String name() {
        return name;
    }

    /** The IDs of the events this node has processed, in order. */
    List<String> processed() throws IOException {
        if (!Files.exists(ledger)) {
            return List.of();
        }
        return Files.readAllLines(ledger, StandardCharsets.UTF_8).stream().filter(l -> !l.isEmpty()).toList();
    }

    /** Sends the node a command line on its standard input. */
    void send(String command) throws IOException {
        OutputStream commands = process.getOutputStream();
        commands.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        commands.flush();
    }

    /** The lines the node wrote beside its ledger, in the file {@code <ledger>.<suffix>}. */
    List<String> lines(String suffix) throws IOException {
        Path file = Path.of(ledger + "." + suffix);
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isEmpty()).toList();
    }

    /** Asks the node to stop its Camel context, as a rolling update does, and waits until it has exited. */
    void stopGracefully() throws Exception {
        send("stop");
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not stop within 60 s");
        }
    }

    /** Kills the JVM (SIGKILL): no route stops, no ZooKeeper session is closed, it has to expire. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
