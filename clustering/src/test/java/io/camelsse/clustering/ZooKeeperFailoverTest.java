/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.clustering;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.camelsse.clustering.ClusterServers.SESSION_TIMEOUT;
import static io.camelsse.clustering.ClusterServers.TICK_MILLIS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Active/passive {@code aidenid-sse:stream} under {@code master:} with camel-zookeeper's cluster service and a real
 * ZooKeeper server: every node is a JVM of its own with its own ZooKeeper session, and the position is in a file all
 * nodes see (a shared volume), through the {@code lastEventIdRepository} option.
 */
class ZooKeeperFailoverTest {

    @TempDir
    Path dir;

    @Test
    void anotherNodeTakesOverWhenTheLeaderStopsAndWhenItIsKilledLosingNothing() throws Exception {
        Path positions = Files.createDirectories(dir.resolve("shared-volume")).resolve("aidenid-positions.dat");
        try (ClusterServers servers = new ClusterServers(dir);
             FailoverScenario scenario = servers.scenario(dir, "file:" + positions)) {
            FailoverScenario.Result result = scenario.run("ZooKeeper + shared file");

            assertThat(result.lost()).as("events lost").isEmpty();
            assertThat(result.stop().duplicated()).as("duplicates after a graceful stop: %s", result.stop())
                    .isZero();
            assertThat(result.kill().duplicated()).as("duplicates after a kill: at most the event in flight")
                    .isLessThanOrEqualTo(1);
            assertThat(result.duplicated()).isEqualTo(result.stop().duplicated() + result.kill().duplicated());
            assertThat(result.kill().takeover()).as("a killed leader is replaced once its session has expired")
                    .isGreaterThanOrEqualTo(SESSION_TIMEOUT.minusMillis(TICK_MILLIS));
        }
    }
}
