/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.clustering;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.camelsse.clustering.ClusterServers.SESSION_TIMEOUT;
import static io.camelsse.clustering.ClusterServers.TICK_MILLIS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same failover as {@link ZooKeeperFailoverTest}, with the position in a Kafka topic through Camel's Resume API:
 * camel-kafka's {@code KafkaResumeStrategy} and the route's {@code resumable()} EIP, against a Kafka broker (KRaft)
 * started in this JVM.
 */
class KafkaResumeFailoverTest {

    private static final String TOPIC = "aidenid-positions";

    @TempDir
    Path dir;

    @Test
    void anotherNodeResumesFromThePositionInTheKafkaTopicLosingNothing() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"));
             ClusterServers servers = new ClusterServers(dir)) {
            kafka.createSinglePartitionTopic(TOPIC);
            try (FailoverScenario scenario = servers.scenario(dir, "kafka:" + kafka.bootstrapServers() + "/" + TOPIC)) {
                FailoverScenario.Result result = scenario.run("ZooKeeper + KafkaResumeStrategy");

                assertThat(result.lost()).as("events lost").isEmpty();
                // the events in the route when the context begins to stop finish while the strategy still runs, and
                // camel-master stops the strategy (which sends what it holds) before it gives up the leadership
                assertThat(result.stop().duplicated()).as("duplicates after a graceful stop: %s", result.stop())
                        .isZero();
                // the strategy sends each position asynchronously: a kill loses the ones not yet acknowledged
                assertThat(result.kill().duplicated()).as("duplicates after a kill").isLessThanOrEqualTo(5);
                assertThat(result.duplicated()).isEqualTo(result.stop().duplicated() + result.kill().duplicated());
                assertThat(result.kill().takeover()).isGreaterThanOrEqualTo(SESSION_TIMEOUT.minusMillis(TICK_MILLIS));
            }
        }
    }
}
