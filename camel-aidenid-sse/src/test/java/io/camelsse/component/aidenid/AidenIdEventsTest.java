/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelsse.simulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each event type's headers and body, the conversions, rawPayload, the eventTypes filter and malformed payloads. */
class AidenIdEventsTest extends AidenIdRouteTestSupport {

    private static final String IDENTITY = "ident_a1b2c3d4e5";

    @Test
    void identityCreatedIsTyped() throws Exception {
        route("r", aidenId(""));
        awaitConnected("r");
        String id = SIM.aidenId().publishIdentityCreated(IDENTITY);

        Message message = awaitOne().getMessage();
        assertHeaders(message, "identity.created", id, IDENTITY);
        IdentityCreatedEvent event = message.getBody(IdentityCreatedEvent.class);
        assertThat(event.getId()).isEqualTo(id);
        assertThat(event.getType()).isEqualTo("identity.created");
        assertThat(event.getIdentityId()).isEqualTo(IDENTITY);
        assertThat(event.getEmail()).isEqualTo(IDENTITY + "@inbox.aidenid.com");
        assertThat(event.getExpiresAt()).isEqualTo(event.getCreatedAt().plusSeconds(3600));
    }

    @Test
    void identityExpiredIsTyped() throws Exception {
        route("r", aidenId(""));
        awaitConnected("r");
        String id = SIM.aidenId().publishIdentityExpired(IDENTITY);

        Message message = awaitOne().getMessage();
        assertHeaders(message, "identity.expired", id, IDENTITY);
        IdentityExpiredEvent event = message.getBody(IdentityExpiredEvent.class);
        assertThat(event.getIdentityId()).isEqualTo(IDENTITY);
        assertThat(event.getExpiredAt()).isNotNull();
    }

    @Test
    void extractionCompletedIsTyped() throws Exception {
        route("r", aidenId(""));
        awaitConnected("r");
        String id = SIM.aidenId().publishExtractionCompleted(IDENTITY, "link", false, 0.87);

        Message message = awaitOne().getMessage();
        assertHeaders(message, "extraction.completed", id, IDENTITY);
        ExtractionCompletedEvent event = message.getBody(ExtractionCompletedEvent.class);
        assertThat(event.getIdentityId()).isEqualTo(IDENTITY);
        assertThat(event.getExtractionType()).isEqualTo("link");
        assertThat(event.getHasSecret()).isFalse();
        assertThat(event.getRedactedValue()).isNull();
        assertThat(event.getConfidence()).isEqualTo(0.87);
        assertThat(event.getExtractedAt()).isNotNull();
    }

    @Test
    void inboundReceivedIsTyped() throws Exception {
        route("r", aidenId(""));
        awaitConnected("r");
        String id = SIM.aidenId().publishInboundReceived(IDENTITY, "noreply@github.com", "Your verification code");

        Message message = awaitOne().getMessage();
        assertHeaders(message, "inbound.received", id, IDENTITY);
        InboundReceivedEvent event = message.getBody(InboundReceivedEvent.class);
        assertThat(event.getIdentityId()).isEqualTo(IDENTITY);
        assertThat(event.getFrom()).isEqualTo("noreply@github.com");
        assertThat(event.getSubject()).isEqualTo("Your verification code");
        assertThat(event.getReceivedAt()).isNotNull();
    }

    @Test
    void seedExamplePayloadReadsAsDocumented() throws Exception {
        route("r", aidenId(""));
        awaitConnected("r");
        String json = "{\"identity_id\":\"ident_a1b2c3d4e5\",\"type\":\"otp\",\"has_secret\":true,"
                      + "\"redacted_value\":\"***\",\"confidence\":0.99,\"extracted_at\":\"2026-04-06T10:05:02Z\"}";
        SIM.aidenId().publish("extraction.completed", json);

        ExtractionCompletedEvent event = awaitOne().getMessage().getBody(ExtractionCompletedEvent.class);
        assertThat(event.getExtractionType()).isEqualTo("otp");
        assertThat(event.getHasSecret()).isTrue();
        assertThat(event.getRedactedValue()).isEqualTo("***");
        assertThat(event.getConfidence()).isEqualTo(0.99);
        assertThat(event.getExtractedAt()).isEqualTo(Instant.parse("2026-04-06T10:05:02Z"));
        assertThat(event.toJson()).isEqualTo(json);
    }

    @Test
    void unknownTypeKeepsItsJson() throws Exception {
        route("r", aidenId(""));
        awaitConnected("r");
        String json = "{\"identity_id\":\"ident_x\",\"renewed_until\":\"2026-05-01T00:00:00Z\",\"tries\":[1,2]}";
        String id = SIM.aidenId().publish("identity.renewed", json);

        Message message = awaitOne().getMessage();
        assertHeaders(message, "identity.renewed", id, "ident_x");
        UnknownAidenIdEvent event = message.getBody(UnknownAidenIdEvent.class);
        assertThat(event.getType()).isEqualTo("identity.renewed");
        assertThat(event.getId()).isEqualTo(id);
        assertThat(event.toJson()).isEqualTo(json);
        assertThat(message.getBody(String.class)).isEqualTo(json);
        assertThat(message.getBody(Map.class)).containsEntry("renewed_until", "2026-05-01T00:00:00Z")
                .containsEntry("tries", List.of(1, 2));
    }

    @Test
    void typedBodyConvertsToJsonAndMapWithUnknownFieldsKept() throws Exception {
        route("r", aidenId(""));
        awaitConnected("r");
        String json = "{\"identity_id\":\"ident_y\",\"from\":\"a@b.c\",\"subject\":\"Hi\","
                      + "\"received_at\":\"2026-04-06T10:04:58Z\",\"spam_score\":0.1}";
        SIM.aidenId().publish("inbound.received", json);

        Message message = awaitOne().getMessage();
        assertThat(message.getBody()).isInstanceOf(InboundReceivedEvent.class);
        assertThat(message.getBody(String.class)).isEqualTo(json);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = message.getBody(Map.class);
        assertThat(map).containsExactly(Map.entry("identity_id", "ident_y"), Map.entry("from", "a@b.c"),
                Map.entry("subject", "Hi"), Map.entry("received_at", "2026-04-06T10:04:58Z"),
                Map.entry("spam_score", 0.1));
    }

    @Test
    void rawPayloadIsTheJsonTextAsReceived() throws Exception {
        route("r", aidenId("rawPayload=true"));
        awaitConnected("r");
        String json = "{\"identity_id\":\"ident_z\", \"expired_at\" : \"2026-04-06T12:00:00Z\"}";
        String id = SIM.aidenId().publish("identity.expired", json);

        Message message = awaitOne().getMessage();
        assertThat(message.getBody()).isEqualTo(json);
        assertHeaders(message, "identity.expired", id, "ident_z");
    }

    @Test
    void eventTypesFilterDeliversOnlyTheListedTypes() throws Exception {
        route("r", aidenId("eventTypes=extraction.completed, identity.expired"));
        awaitConnected("r");
        SIM.aidenId().publishIdentityCreated(IDENTITY);
        SIM.aidenId().publishInboundReceived(IDENTITY);
        String extracted = SIM.aidenId().publishExtractionCompleted(IDENTITY);
        SIM.aidenId().publish("identity.renewed", "{}");
        String expired = SIM.aidenId().publishIdentityExpired(IDENTITY);
        String last = SIM.aidenId().publishExtractionCompleted(IDENTITY);

        await().until(() -> received.size() == 3);
        assertThat(receivedIds()).containsExactly(extracted, expired, last);
        assertThat(received).map(e -> e.getMessage().getHeader(AidenIdSseConstants.EVENT_TYPE))
                .containsExactly("extraction.completed", "identity.expired", "extraction.completed");
    }

    @Test
    void malformedPayloadFailsOnlyItsExchangeAndTheStreamGoesOn() throws Exception {
        List<Exchange> failed = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(MalformedAidenIdEventException.class).handled(true).process(failed::add);
                from(aidenId("")).routeId("r").process(received::add);
            }
        });
        SIM.faults().nextStream(Fault.malformedJson(1));
        awaitConnected("r");
        String first = SIM.aidenId().publishIdentityCreated(IDENTITY);
        String second = SIM.aidenId().publishIdentityExpired(IDENTITY);

        await().until(() -> received.size() == 2 && failed.size() == 1);
        assertThat(receivedIds()).containsExactly(first, second);
        MalformedAidenIdEventException error = failed.get(0)
                .getProperty(Exchange.EXCEPTION_CAUGHT, MalformedAidenIdEventException.class);
        assertThat(error.getEventType()).isEqualTo("extraction.completed");
        // the malformed event carries no id field of its own: the ID in force is the previous event's
        assertThat(error.getEventId()).isEqualTo(first);
        assertThat(error.getMessage()).contains("not valid JSON").doesNotContain("ident_malformed");
        assertThat(failed.get(0).getMessage().getBody(String.class)).as("the data as received, for the error handler")
                .contains("ident_malformed");
        assertThat(reported).isEmpty();
    }

    private Exchange awaitOne() {
        await().until(() -> !received.isEmpty());
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    private static void assertHeaders(Message message, String type, String id, String identityId) {
        assertThat(message.getHeader(AidenIdSseConstants.EVENT_TYPE)).isEqualTo(type);
        assertThat(message.getHeader(AidenIdSseConstants.EVENT_ID)).isEqualTo(id);
        assertThat(message.getHeader(AidenIdSseConstants.IDENTITY_ID)).isEqualTo(identityId);
    }
}
