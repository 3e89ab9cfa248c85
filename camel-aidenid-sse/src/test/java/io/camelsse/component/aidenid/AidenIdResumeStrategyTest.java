/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.util.List;

import io.camelsse.component.sse.SharedLogResumeStrategy;
import io.camelsse.component.sse.support.LastEventIdResumeAdapter;
import io.camelsse.simulator.Vendor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.resume.TransientResumeStrategy;
import org.apache.camel.resume.Resumable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Camel's Resume API: the route's resumable() EIP keeps the position, in a store that another node reads. */
class AidenIdResumeStrategyTest extends AidenIdRouteTestSupport {

    private static final String KEY = "aidenid-sse/org_sim/proj_sim";

    private final SharedLogResumeStrategy.Log log = new SharedLogResumeStrategy.Log();

    @Test
    void eachCompletedExchangeCarriesTheOffsetThatResumableRecords() throws Exception {
        resumableRoute(context, "r", new SharedLogResumeStrategy(log), "");
        awaitConnected("r");
        publish(3);

        await().until(() -> received.size() == 3);
        Resumable offset = received.get(2).getMessage().getHeader(Exchange.OFFSET, Resumable.class);
        assertThat(offset.getOffsetKey().getValue()).isEqualTo(KEY);
        assertThat(offset.getLastOffset().getValue()).isEqualTo("evt_000003");
        await().until(() -> positionIn(log).equals("evt_000003"));
    }

    @Test
    void anotherNodeResumesFromThePositionInTheSharedStore() throws Exception {
        resumableRoute(context, "r", new SharedLogResumeStrategy(log), "");
        awaitConnected("r");
        publish(3);
        await().until(() -> positionIn(log).equals("evt_000003"));
        context.stop();
        publish(2);

        CamelContext otherNode = newContext();
        otherNode.start();
        try {
            resumableRoute(otherNode, "r", new SharedLogResumeStrategy(log), "&lastEventId=evt_000001");
            await().until(() -> received.size() == 5);
            assertThat(receivedIds()).containsExactlyElementsOf(publishedIds());
            List<String> sent = SIM.simulator().requests(Vendor.AIDENID).stream().map(r -> r.lastEventId()).toList();
            assertThat(sent).containsExactly(null, "evt_000003");
        } finally {
            otherNode.stop();
        }
    }

    @Test
    void eventsTheTypeFilterSkipsMoveThePositionInTheStoreToo() throws Exception {
        resumableRoute(context, "r", new SharedLogResumeStrategy(log), "&eventTypes=identity.expired");
        awaitConnected("r");
        SIM.aidenId().publishIdentityExpired("ident_a1b2c3d4e5");
        SIM.aidenId().publishInboundReceived("ident_a1b2c3d4e5");

        await().until(() -> positionIn(log).equals("evt_000002"));
        assertThat(receivedIds()).containsExactly("evt_000001");
    }

    @Test
    void aStrategyThatNeverReadsItsStoreBackDelaysTheStartOnlyByResumeReadTimeout() throws Exception {
        SharedLogResumeStrategy writeOnly = new SharedLogResumeStrategy(log) {
            @Override
            public void loadCache() {
                // reads nothing back, as a store that is written but never consumed
            }
        };
        // published first: a route connected before evt_000001 exists would be right to deliver it live
        publish(2);
        resumableRoute(context, "r", writeOnly, "&resumeReadTimeout=300&lastEventId=evt_000001");

        await().until(() -> received.size() == 1);
        assertThat(receivedIds()).containsExactly("evt_000002");
        await().until(() -> positionIn(log).equals("evt_000002"));
    }

    @Test
    void aStrategyWithAnAdapterOfItsOwnHoldsNoPositionAndTheOtherSourcesApply() throws Exception {
        publish(2);
        resumableRoute(context, "r", new TransientResumeStrategy(() -> {
        }), "&lastEventId=evt_000001");

        await().until(() -> received.size() == 1);
        assertThat(receivedIds()).containsExactly("evt_000002");
    }

    private void resumableRoute(CamelContext target, String routeId, org.apache.camel.resume.ResumeStrategy strategy,
                                String options)
            throws Exception {
        target.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(aidenId("") + options).routeId(routeId)
                        .resumable().resumeStrategy(strategy)
                        .process(received::add);
            }
        });
    }

    /** The newest position the log holds for the key, read as a new node would. */
    private static String positionIn(SharedLogResumeStrategy.Log log) {
        LastEventIdResumeAdapter reader = new LastEventIdResumeAdapter();
        log.snapshot(reader);
        return reader.lastEventId(KEY);
    }

    private static void publish(int count) {
        for (int i = 0; i < count; i++) {
            SIM.aidenId().publishIdentityCreated("ident_a1b2c3d4e5");
        }
    }
}
