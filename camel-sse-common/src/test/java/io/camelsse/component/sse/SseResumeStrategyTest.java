/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelsse.component.sse.connection.StreamState;
import io.camelsse.component.sse.connection.StreamStatus;
import io.camelsse.component.sse.support.LastEventIdResumeAdapter;
import io.camelsse.simulator.Fault;
import io.camelsse.simulator.RecordedRequest;
import io.camelsse.simulator.SimulatedAidenIdEvent;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.Vendor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.resume.Resumable;
import org.apache.camel.resume.ResumeStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Camel's Resume API on {@code sse:}: the route's resumable() EIP records the ID of each completed event in the
 * strategy, and a route started anew (another context, another node) resumes from it with {@code Last-Event-ID}.
 * Against the simulator's AidenID stream, which replays what follows the ID it is sent.
 */
class SseResumeStrategyTest {

    private final SharedLogResumeStrategy.Log positions = new SharedLogResumeStrategy.Log();
    private final List<Exchange> received = new CopyOnWriteArrayList<>();
    private SseSimulator simulator;
    private CamelContext context;

    @BeforeEach
    void startSimulatorAndContext() throws Exception {
        simulator = SseSimulator.builder().aidenIdRetry(Duration.ofMillis(20)).build().start();
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stopContextAndSimulator() throws Exception {
        context.stop();
        simulator.close();
    }

    @Test
    void eachCompletedExchangeCarriesTheOffsetThatResumableRecords() throws Exception {
        resumableRoute(context, "");
        awaitConnected(context);
        publish(3);

        await().until(() -> received.size() == 3);
        Resumable offset = received.get(2).getMessage().getHeader(Exchange.OFFSET, Resumable.class);
        assertThat(offset.getOffsetKey().getValue()).isEqualTo(defaultKey());
        assertThat(offset.getLastOffset().getValue()).isEqualTo("evt_000003");
        await().until(() -> positionIn(positions, defaultKey()).equals("evt_000003"));
    }

    @Test
    void aRouteStartedAnewResumesAfterThePositionInTheStrategyWithNoDuplicateAndNoGap() throws Exception {
        resumableRoute(context, "");
        awaitConnected(context);
        publish(3);
        await().until(() -> positionIn(positions, defaultKey()).equals("evt_000003"));
        context.stop();
        publish(2);

        CamelContext restarted = new DefaultCamelContext();
        restarted.start();
        try {
            resumableRoute(restarted, "&lastEventId=evt_000001");
            await().until(() -> received.size() == 5);
            await().until(() -> positionIn(positions, defaultKey()).equals("evt_000005"));
            assertThat(receivedIds()).containsExactlyElementsOf(publishedIds());
            // the strategy's position comes before the lastEventId option
            assertThat(simulator.requests(Vendor.AIDENID).stream().map(RecordedRequest::lastEventId).toList())
                    .containsExactly(null, "evt_000003");
        } finally {
            restarted.stop();
        }
    }

    @Test
    void aStreamReplacedOnRequestResumesAfterTheLastEventOfThisRunNotFromWhereTheStrategyStoodAtStart()
            throws Exception {
        resumableRoute(context, "");
        awaitConnected(context);
        publish(2);
        await().until(() -> positionIn(positions, defaultKey()).equals("evt_000002"));
        context.stop();

        CamelContext restarted = new DefaultCamelContext();
        restarted.start();
        try {
            resumableRoute(restarted, "&maxReconnectAttempts=1");
            awaitConnected(restarted);
            publish(2);
            await().until(() -> received.size() == 4);
            // the stream ends, and the reconnect is refused for good
            simulator.faults().always(Fault.status(401));
            simulator.restart(Duration.ZERO);
            SseConsumer consumer = (SseConsumer) restarted.getRoute("sse-resume").getConsumer();
            await().until(() -> consumer.streamStatus().state() == StreamState.FAILED);
            simulator.faults().always();
            publish(1);

            consumer.reconnect();

            await().until(() -> receivedIds().contains("evt_000005"));
            assertThat(receivedIds()).containsExactlyElementsOf(publishedIds());
            assertThat(simulator.lastRequest().lastEventId()).isEqualTo("evt_000004");
        } finally {
            restarted.stop();
        }
    }

    @Test
    void aFailedExchangeIsNotRecordedAndTheNextStartGetsItAgain() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(stream("")).routeId("sse-resume")
                        .resumable().resumeStrategy(new SharedLogResumeStrategy(positions))
                        .process(exchange -> {
                            if (exchange.getMessage().getHeader(SseConstants.EVENT_ID, String.class)
                                    .equals("evt_000002")) {
                                throw new IllegalStateException("the route failed on this event");
                            }
                            received.add(exchange);
                        });
            }
        });
        awaitConnected(context);
        publish(2);
        await().until(() -> positionIn(positions, defaultKey()).equals("evt_000001"));
        context.stop();
        received.clear();

        CamelContext restarted = new DefaultCamelContext();
        restarted.start();
        try {
            resumableRoute(restarted, "");
            await().until(() -> received.size() == 1);
            assertThat(receivedIds()).containsExactly("evt_000002");
        } finally {
            restarted.stop();
        }
    }

    @Test
    void resumeKeyNamesThePositionInTheStrategy() throws Exception {
        resumableRoute(context, "&resumeKey=orders-stream");
        awaitConnected(context);
        publish(2);

        await().until(() -> positionIn(positions, "orders-stream").equals("evt_000002"));
        assertThat(positionIn(positions, defaultKey())).isEmpty();
    }

    @Test
    void theDefaultKeyShowsNoSecretOfTheUrl() throws Exception {
        String url = "http://user:pw@127.0.0.1:" + simulator.port() + "/v1/events?channel=a&token=s3cret";
        SseEndpoint endpoint = context.getEndpoint("sse:" + url, SseEndpoint.class);

        assertThat(endpoint.resumeKey())
                .isEqualTo("sse/http://127.0.0.1:" + simulator.port() + "/v1/events?channel=a&token=xxxxxx");
    }

    private void resumableRoute(CamelContext target, String options) throws Exception {
        ResumeStrategy strategy = new SharedLogResumeStrategy(positions);
        target.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(stream(options)).routeId("sse-resume")
                        .resumable().resumeStrategy(strategy)
                        .process(received::add);
            }
        });
    }

    /** The simulator's AidenID stream, read as any SSE stream, with its credentials as request headers. */
    private String stream(String options) {
        String key = URLEncoder.encode("Bearer " + SseSimulator.AIDENID_API_KEY, StandardCharsets.UTF_8);
        return "sse:" + simulator.aidenIdStreamUrl() + "?header.Authorization=" + key
               + "&header.X-Org-Id=" + SseSimulator.AIDENID_ORG_ID
               + "&header.X-Project-Id=" + SseSimulator.AIDENID_PROJECT_ID
               + "&reconnectDelay=20&maxReconnectDelay=200" + options;
    }

    private String defaultKey() {
        return "sse/" + simulator.aidenIdStreamUrl();
    }

    private void awaitConnected(CamelContext target) {
        await().until(() -> {
            StreamStatus status = ((SseConsumer) target.getRoute("sse-resume").getConsumer()).streamStatus();
            return status != null && status.state() == StreamState.CONNECTED;
        });
        await().until(() -> simulator.stats().openStreams(Vendor.AIDENID) >= 1);
    }

    private List<String> receivedIds() {
        return received.stream().map(e -> e.getMessage().getHeader(SseConstants.EVENT_ID, String.class)).toList();
    }

    private void publish(int count) {
        for (int i = 0; i < count; i++) {
            simulator.aidenId().publishIdentityCreated("ident_a1b2c3d4e5");
        }
    }

    /** The newest position the log holds for the key, read as a new node would. */
    private static String positionIn(SharedLogResumeStrategy.Log log, String key) {
        LastEventIdResumeAdapter reader = new LastEventIdResumeAdapter();
        log.snapshot(reader);
        return reader.lastEventId(key);
    }

    private List<String> publishedIds() {
        return simulator.aidenId().events().stream().map(SimulatedAidenIdEvent::id).toList();
    }
}
