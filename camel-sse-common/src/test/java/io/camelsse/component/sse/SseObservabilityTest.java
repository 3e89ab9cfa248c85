/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.camelsse.component.sse.connection.ReconnectCause;
import io.camelsse.component.sse.connection.StreamState;
import io.camelsse.component.sse.health.SseConsumerHealthCheck;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The three views of a stream (docs/observability.md) after a scripted run: Micrometer meters, the {@code sse} dev
 * console in text and JSON, and the consumer's JMX attributes and operation. None of them shows a secret.
 */
class SseObservabilityTest extends SseRouteTestSupport {

    private static final String QUERY_SECRET = "q-s3cr3t-value";
    private static final String HEADER_SECRET = "h-s3cr3t-value";
    private static final String FIRST_BODY = "id: 1\ndata: a\n\nid: 2\ndata: b\n\n";
    private static final String SECOND_BODY = ": hello\n\nid: 3\ndata: c\n\n";

    /** Ends cleanly after two events, answers 503 once, then sends a third event and stays open. */
    private void scriptedRun(String routeId) throws Exception {
        server.enqueue(c -> c.eventStream().raw(FIRST_BODY))
                .enqueue(c -> c.respond(503, "text/plain", "busy"))
                .enqueue(c -> {
                    c.eventStream().raw(SECOND_BODY);
                    c.holdOpen(10, TimeUnit.SECONDS);
                });
        route(routeId, sse("/events?token=" + QUERY_SECRET,
                "reconnectDelay=10&header.Authorization=RAW(Bearer " + HEADER_SECRET + ")"));
        await().until(() -> received.size() == 3 && consumer(routeId).streamStatus().state() == StreamState.CONNECTED);
    }

    @Test
    void metersCountEventsBytesAndReconnectsByCauseWithRouteAndComponentTags() throws Exception {
        MeterRegistry meters = new SimpleMeterRegistry();
        context.getRegistry().bind("meters", meters);
        scriptedRun("metered");

        long bodyBytes = (FIRST_BODY + SECOND_BODY).getBytes(StandardCharsets.UTF_8).length;
        assertThat(count(meters, "camel.sse.events.delivered")).isEqualTo(3);
        await().until(() -> count(meters, "camel.sse.read") == bodyBytes);
        assertThat(meters.get("camel.sse.read").functionCounter().getId().getBaseUnit()).isEqualTo("bytes");
        assertThat(count(meters, "camel.sse.reconnects", "cause", "stream_ended")).isEqualTo(1);
        assertThat(count(meters, "camel.sse.reconnects", "cause", "http_status")).isEqualTo(1);
        assertThat(count(meters, "camel.sse.reconnects", "cause", "read_timeout")).isZero();
        assertThat(count(meters, "camel.sse.permanent.failures")).isZero();
        assertThat(meters.get("camel.sse.stream.state").tag("state", "connected").gauge().value()).isEqualTo(1);
        assertThat(meters.get("camel.sse.stream.state").tag("state", "reconnecting").gauge().value()).isZero();
        double age = meters.get("camel.sse.last.event.age").gauge().value();
        assertThat(age).isBetween(0.0, 30.0);
        for (Meter meter : meters.getMeters()) {
            assertThat(meter.getId().getName()).startsWith("camel.sse.");
            assertThat(meter.getId().getTag("routeId")).isEqualTo("metered");
            assertThat(meter.getId().getTag("component")).isEqualTo("sse");
            assertThat(meter.getId().toString()).doesNotContain(QUERY_SECRET, HEADER_SECRET);
        }

        context.getRouteController().stopRoute("metered");
        assertThat(meters.getMeters()).as("a stopped route leaves no meters behind").isEmpty();
    }

    @Test
    void aPermanentFailureShowsInTheStateGaugeAndTheFailureCounter() throws Exception {
        MeterRegistry meters = new SimpleMeterRegistry();
        context.getRegistry().bind("meters", meters);
        server.enqueue(c -> c.respond(401, "application/json", "{\"error\":\"unauthorized\"}"));
        route("refused", sse("/events", "reconnectDelay=10"));

        await().until(() -> count(meters, "camel.sse.permanent.failures") == 1);
        assertThat(meters.get("camel.sse.stream.state").tag("state", "failed").gauge().value()).isEqualTo(1);
        assertThat(meters.get("camel.sse.last.event.age").gauge().value()).as("no event yet").isNaN();
    }

    @Test
    void theDevConsoleShowsOneRowPerStreamAsTextAndJson() throws Exception {
        scriptedRun("console");
        server.enqueue(c -> c.respond(401, "text/plain", "no"));
        route("second", sse("/other", "reconnectDelay=10"));
        await().until(() -> consumer("second").streamStatus().state() == StreamState.FAILED);

        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("sse");
        assertThat(console).as("found through its service file").isNotNull();
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        String[] lines = text.split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("ROUTE").contains("STATE", "CONNECTED SINCE", "LAST EVENT ID", "RECONNECTS",
                "URL", "LAST ERROR");
        assertThat(lines[1]).startsWith("console ").contains(" sse ", " CONNECTED ", " 3 ", " 2 ",
                server.url("/events?token=xxxxxx"), "the server answered 503");
        assertThat(lines[2]).startsWith("second ").contains(" FAILED ", server.url("/other"), "401");
        assertThat(text).doesNotContain(QUERY_SECRET, HEADER_SECRET);

        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON);
        String jsonText = Jsoner.serialize(json);
        assertThat(jsonText).doesNotContain(QUERY_SECRET, HEADER_SECRET);
        JsonObject row = (JsonObject) json.getCollection("streams").iterator().next();
        assertThat(row).containsEntry("routeId", "console").containsEntry("component", "sse")
                .containsEntry("state", "CONNECTED").containsEntry("lastEventId", "3")
                .containsEntry("reconnects", 2L).containsEntry("eventsDelivered", 3L)
                .containsEntry("url", server.url("/events?token=xxxxxx")).containsKey("connectedSince")
                .containsKey("lastEventAt");
        assertThat((String) row.get("lastError")).contains("503");
        JsonObject byCause = (JsonObject) row.get("reconnectsByCause");
        assertThat(byCause).containsEntry("stream_ended", 1L).containsEntry("http_status", 1L);
        assertThat((Collection<?>) json.getCollection("streams")).hasSize(2);
    }

    @Test
    void jmxShowsTheStreamStateAfterA401AndReconnectTriesAgain() throws Exception {
        server.enqueue(c -> c.respond(401, "application/json", "{\"error\":\"unauthorized\"}"))
                .enqueue(c -> c.respond(401, "application/json", "{\"error\":\"unauthorized\"}"));
        route("jmx", sse("/events?token=" + QUERY_SECRET,
                "reconnectDelay=10&header.Authorization=RAW(Bearer " + HEADER_SECRET + ")"));
        await().until(() -> consumer("jmx").streamStatus().state() == StreamState.FAILED);

        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = consumerMBean(mbeans, "jmx");
        assertThat(mbeans.getAttribute(name, "State")).as("Camel's service state").isEqualTo("Started");
        assertThat(mbeans.getAttribute(name, "StreamState")).isEqualTo("FAILED");
        assertThat(mbeans.getAttribute(name, "PermanentlyFailed")).isEqualTo(true);
        assertThat(mbeans.getAttribute(name, "PermanentFailures")).isEqualTo(1L);
        assertThat((String) mbeans.getAttribute(name, "LastError")).contains("401");
        assertThat(mbeans.getAttribute(name, "StreamUrl")).isEqualTo(server.url("/events?token=xxxxxx"));
        assertThat(mbeans.getAttribute(name, "Reconnects")).isEqualTo(0L);
        assertThat(mbeans.getAttribute(name, "EventsDelivered")).isEqualTo(0L);
        assertThat(mbeans.getAttribute(name, "ConnectedSince")).isEqualTo("");
        assertThat(mbeans.getAttribute(name, "LastEventId")).isEqualTo("");

        mbeans.invoke(name, "reconnect", new Object[0], new String[0]);

        await().until(() -> server.requests().size() == 2
                            && Long.valueOf(2).equals(mbeans.getAttribute(name, "PermanentFailures")));
        assertThat(mbeans.getAttribute(name, "StreamState")).isEqualTo("FAILED");
        assertThat(server.requests().get(1).header("Authorization")).isEqualTo("Bearer " + HEADER_SECRET);
    }

    @Test
    void reconnectOnAnOpenStreamResumesAfterTheLastEvent() throws Exception {
        scriptedRun("resume");
        server.enqueue(c -> {
            c.eventStream().raw("id: 4\ndata: d\n\n");
            c.holdOpen(10, TimeUnit.SECONDS);
        });

        consumer("resume").reconnect();

        await().until(() -> received.size() == 4);
        assertThat(server.requests().get(3).header("Last-Event-ID")).isEqualTo("3");
        assertThat(consumer("resume").streamSnapshot().reconnectsByCause())
                .containsEntry(ReconnectCause.REQUESTED, 1L);
    }

    @Test
    void reconnectOnAFailedStreamCountsAsARequestedReconnect() throws Exception {
        MeterRegistry meters = new SimpleMeterRegistry();
        context.getRegistry().bind("meters", meters);
        server.enqueue(c -> c.respond(401, "application/json", "{\"error\":\"unauthorized\"}"))
                .enqueue(c -> {
                    c.eventStream().raw("id: 1\ndata: a\n\n");
                    c.holdOpen(10, TimeUnit.SECONDS);
                });
        route("requested", sse("/events", "reconnectDelay=10"));
        await().until(() -> consumer("requested").streamStatus().state() == StreamState.FAILED);
        assertThat(count(meters, "camel.sse.reconnects", "cause", "requested")).isZero();

        // the operator's reconnect() replaces the failed stream: that is a reconnect, and its cause is the request
        consumer("requested").reconnect();

        await().until(() -> received.size() == 1);
        assertThat(count(meters, "camel.sse.reconnects", "cause", "requested")).isEqualTo(1);
        assertThat(consumer("requested").getReconnects()).isEqualTo(1);
        assertThat(consumer("requested").streamSnapshot().reconnectsByCause())
                .containsEntry(ReconnectCause.REQUESTED, 1L);
    }

    @Test
    void aServerThatSendsNothingForReadTimeoutCountsAsAReadTimeoutAlsoBeforeItsAnswer() throws Exception {
        MeterRegistry meters = new SimpleMeterRegistry();
        context.getRegistry().bind("meters", meters);
        // accepts the connection and never answers: nothing arrives for readTimeout, not even the response head
        server.enqueue(c -> c.holdOpen(10, TimeUnit.SECONDS))
                .enqueue(c -> {
                    c.eventStream().raw("id: 1\ndata: a\n\n");
                    c.holdOpen(10, TimeUnit.SECONDS);
                });
        route("silent", sse("/events", "reconnectDelay=10&readTimeout=300"));

        await().until(() -> received.size() == 1);
        assertThat(count(meters, "camel.sse.reconnects", "cause", "read_timeout")).isEqualTo(1);
        assertThat(count(meters, "camel.sse.reconnects", "cause", "connect_failed"))
                .as("the connection was made: the server did not answer in time").isZero();
    }

    @Test
    void reconnectKeepsTheLastErrorOfTheStreamItReplaces() throws Exception {
        server.enqueue(c -> c.respond(401, "application/json", "{\"error\":\"unauthorized\"}"))
                .enqueue(c -> {
                    c.eventStream().raw("id: 1\ndata: a\n\n");
                    c.holdOpen(10, TimeUnit.SECONDS);
                });
        route("kept", sse("/events", "reconnectDelay=10"));
        await().until(() -> consumer("kept").streamStatus().state() == StreamState.FAILED);

        consumer("kept").reconnect();

        await().until(() -> received.size() == 1);
        // the last failure in words stays after the stream connects again, whoever made it reconnect
        assertThat(consumer("kept").getLastError()).contains("401");
        assertThat(consumer("kept").getHealthCheck().call().getDetails())
                .hasEntrySatisfying(SseConsumerHealthCheck.DETAIL_LAST_ERROR, e -> assertThat((String) e).contains("401"));
    }

    @Test
    void reconnectDoesNotTurnTheHealthCheckUpBeforeAConnection() throws Exception {
        server.otherwise(c -> c.respond(503, "text/plain", "busy"));
        route("outage", sse("/events", "reconnectDelay=10&maxReconnectDelay=50&unhealthyAfter=1000"));
        await().until(() -> consumer("outage").getHealthCheck().call().getState() == HealthCheck.State.DOWN);
        int before = server.requests().size();

        consumer("outage").reconnect();

        // still no connection: the outage goes on, and so does its time, whatever stream tries now
        HealthCheck.Result health = consumer("outage").getHealthCheck().call();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        await().until(() -> server.requests().size() > before);
        assertThat(consumer("outage").getHealthCheck().call().getState()).isEqualTo(HealthCheck.State.DOWN);
    }

    private SseConsumer consumer(String routeId) {
        return (SseConsumer) context.getRoute(routeId).getConsumer();
    }

    private ObjectName consumerMBean(MBeanServer mbeans, String routeId) throws Exception {
        Set<ObjectName> names = mbeans.queryNames(new ObjectName("org.apache.camel:context="
                                                                 + context.getManagementName()
                                                                 + ",type=consumers,*"), null);
        for (ObjectName name : names) {
            if (routeId.equals(mbeans.getAttribute(name, "RouteId"))) {
                return name;
            }
        }
        throw new AssertionError("no consumer MBean for route " + routeId + " among " + names);
    }

    private static double count(MeterRegistry meters, String name, String... tags) {
        return meters.get(name).tags(tags).functionCounter().count();
    }
}
