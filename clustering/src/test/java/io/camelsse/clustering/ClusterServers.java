/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.clustering;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.camelsse.simulator.SseSimulator;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/** A real ZooKeeper server and the simulator, both on 127.0.0.1, for one test. */
final class ClusterServers implements AutoCloseable {

    /** ZooKeeper's tick: sessions may be as short as two ticks, so a killed node's session expires quickly. */
    static final int TICK_MILLIS = 500;
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(3);

    final TestingServer zooKeeper;
    final SseSimulator simulator;

    ClusterServers(Path dir) throws Exception {
        InstanceSpec loopbackOnly = new InstanceSpec(dir.resolve("zookeeper").toFile(), -1, -1, -1, true, -1,
                TICK_MILLIS, -1, Map.of("clientPortAddress", "127.0.0.1"), "127.0.0.1");
        zooKeeper = new TestingServer(loopbackOnly, true);
        simulator = SseSimulator.builder().aidenIdRetry(Duration.ofMillis(20)).build().start();
    }

    FailoverScenario scenario(Path dir, String positions) {
        return new FailoverScenario(dir, zooKeeper.getConnectString(), simulator, positions, SESSION_TIMEOUT);
    }

    @Override
    public void close() throws Exception {
        simulator.close();
        zooKeeper.close();
    }
}
