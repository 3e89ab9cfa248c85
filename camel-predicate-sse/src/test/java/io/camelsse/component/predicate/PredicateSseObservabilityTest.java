/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.lang.management.ManagementFactory;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.camelsse.component.sse.connection.StreamState;
import io.camelsse.simulator.PredicateSession;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A predicate-sse consumer in JMX and metrics after the API refused its key. */
class PredicateSseObservabilityTest extends PredicateTestSupport {

    @Test
    void jmxAndMetersShowThePermanentFailureInThePredicateWordsAndNoKey() throws Exception {
        MeterRegistry meters = new SimpleMeterRegistry();
        context.getRegistry().bind("meters", meters);
        PredicateSession session = SIM.predicate().createSession();
        route("r", uri(session, "apiKey=wrong_key_s3cr3t"));
        await().until(() -> consumer("r").streamStatus() != null
                            && consumer("r").streamStatus().state() == StreamState.FAILED);

        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = mbeans.queryNames(new ObjectName("org.apache.camel:context=" + context.getManagementName()
                                                           + ",type=consumers,*"), null).iterator().next();
        assertThat(mbeans.getAttribute(name, "StreamState")).isEqualTo("FAILED");
        assertThat(mbeans.getAttribute(name, "PermanentFailures")).isEqualTo(1L);
        assertThat((String) mbeans.getAttribute(name, "LastError"))
                .startsWith("Predicate answered 401 unauthorized (missing or invalid API key");
        assertThat((String) mbeans.getAttribute(name, "StreamUrl")).startsWith(SIM.baseUrl())
                .contains(session.id());
        for (var attribute : mbeans.getMBeanInfo(name).getAttributes()) {
            assertThat(String.valueOf(mbeans.getAttribute(name, attribute.getName())))
                    .doesNotContain("wrong_key_s3cr3t");
        }
        assertThat(meters.get("camel.sse.permanent.failures").tag("component", "predicate-sse").functionCounter()
                .count()).isEqualTo(1);
        assertThat(meters.get("camel.sse.stream.state").tag("state", "failed").gauge().value()).isEqualTo(1);
    }
}
