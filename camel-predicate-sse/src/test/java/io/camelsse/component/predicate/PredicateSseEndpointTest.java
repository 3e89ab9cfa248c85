/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.VerificationType;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** URI, options and their checks: everything refused is refused before any request. */
class PredicateSseEndpointTest extends PredicateTestSupport {

    private static final String SESSION = "550e8400-e29b-41d4-a716-446655440000";

    @Test
    void optionsHaveTheirContractDefaults() {
        PredicateSseEndpoint endpoint
                = context.getEndpoint("predicate-sse:individual/" + SESSION, PredicateSseEndpoint.class);
        PredicateSseConfiguration config = endpoint.getConfiguration();
        assertThat(config.getType()).isEqualTo("individual");
        assertThat(config.getSessionId()).isEqualTo(SESSION);
        assertThat(config.isCloseOnTerminal()).isTrue();
        assertThat(config.isTerminalOnly()).isFalse();
        assertThat(config.isSkipUnchanged()).isTrue();
        assertThat(config.isRawPayload()).isFalse();
        assertThat(config.getReconnectDelay()).isEqualTo(1000);
        assertThat(config.getMaxReconnectDelay()).isEqualTo(30000);
        assertThat(config.getMaxReconnectAttempts()).isZero();
        assertThat(config.getReadTimeout()).isEqualTo(60000);
        assertThat(config.getConnectTimeout()).isEqualTo(10000);
        assertThat(config.getMaxEventSize()).isEqualTo(4194304);
        assertThat(config.isAllowPlainHttp()).isFalse();
    }

    @Test
    void everyOptionCanBeSetInTheUri() {
        PredicateSseEndpoint endpoint = context.getEndpoint("predicate-sse:business/" + SESSION
                                                            + "?closeOnTerminal=false&terminalOnly=true"
                                                            + "&skipUnchanged=false&rawPayload=true&reconnectDelay=2s"
                                                            + "&maxReconnectDelay=1m&maxReconnectAttempts=5"
                                                            + "&readTimeout=500&connectTimeout=3s&maxEventSize=1024"
                                                            + "&apiKey=k&baseUrl=https://predicate.example",
                PredicateSseEndpoint.class);
        PredicateSseConfiguration config = endpoint.getConfiguration();
        assertThat(config.getType()).isEqualTo("business");
        assertThat(config.isCloseOnTerminal()).isFalse();
        assertThat(config.isTerminalOnly()).isTrue();
        assertThat(config.isSkipUnchanged()).isFalse();
        assertThat(config.isRawPayload()).isTrue();
        assertThat(config.getReconnectDelay()).isEqualTo(2000);
        assertThat(config.getMaxReconnectDelay()).isEqualTo(60000);
        assertThat(config.getMaxReconnectAttempts()).isEqualTo(5);
        assertThat(config.getReadTimeout()).isEqualTo(500);
        assertThat(config.getConnectTimeout()).isEqualTo(3000);
        assertThat(config.getMaxEventSize()).isEqualTo(1024);
        assertThat(config.getApiKey()).isEqualTo("k");
        assertThat(config.getBaseUrl()).isEqualTo("https://predicate.example");
    }

    @Test
    void baseUrlDefaultsToTheCurrentGeneration() {
        PredicateSseComponent component = new PredicateSseComponent();
        component.setCamelContext(context);
        context.addComponent("predicate-fresh", component);
        PredicateSseEndpoint endpoint
                = context.getEndpoint("predicate-fresh:individual/" + SESSION + "?apiKey=k",
                        PredicateSseEndpoint.class);
        assertThat(endpoint.streamRequest(SESSION, "individual").uri()).hasToString(
                "https://api.identity.predicate.io/api/v1/status/realtime/individual/" + SESSION);
        assertThat(PredicateSseConfiguration.EARLIER_GENERATION_BASE_URL).isEqualTo("https://api.kyc.predicate.io");
    }

    @Test
    void theComponentsKeyAndBaseUrlServeEveryEndpointThatSetsNone() throws Exception {
        PredicateSession session = SIM.predicate().createSession(VerificationType.BUSINESS);
        route("r", "predicate-sse:business/" + session.id());

        await().until(() -> received.size() == 1);
        assertThat(SIM.requests().get(0).header("Authorization")).isEqualTo("Bearer " + SseSimulator.PREDICATE_API_KEY);
        assertThat(SIM.requests().get(0).path()).isEqualTo("/api/v1/status/realtime/business/" + session.id());
    }

    @Test
    void theEndpointsKeyWinsOverTheComponents() throws Exception {
        context.getComponent("predicate-sse", PredicateSseComponent.class).setApiKey("component_key");
        PredicateSession session = SIM.predicate().createSession();
        route("r", uri(session, "apiKey=" + SseSimulator.PREDICATE_API_KEY));

        await().until(() -> received.size() == 1);
        assertThat(SIM.requests().get(0).header("Authorization")).isEqualTo("Bearer " + SseSimulator.PREDICATE_API_KEY);
    }

    @Test
    void theEndpointsBaseUrlWinsOverTheComponents() throws Exception {
        context.getComponent("predicate-sse", PredicateSseComponent.class).setBaseUrl("https://predicate.invalid");
        PredicateSession session = SIM.predicate().createSession();
        // a trailing slash and the request carries the standard headers
        route("r", uri(session, "baseUrl=" + SIM.baseUrl() + "/"));

        await().until(() -> received.size() == 1);
        assertThat(SIM.requests().get(0).path()).isEqualTo(session.path());
        assertThat(SIM.requests().get(0).header("Accept")).isEqualTo("text/event-stream");
        assertThat(SIM.requests().get(0).header("Cache-Control")).isEqualTo("no-cache");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not-a-uuid", "550e8400-e29b-41d4-a716-44665544000", "550e8400e29b41d4a716446655440000",
            "../550e8400-e29b-41d4-a716-446655440000", "550e8400-e29b-41d4-a716-446655440000/extra",
            "550e8400-e29b-41d4-a716-4466554400zz", "%2E%2E%2F550e8400-e29b-41d4-a716-446655440000",
            "550e8400-e29b-41d4-a716-446655440000%20", "" })
    void aSessionIdThatIsNotAUuidIsRefusedBeforeAnyRequest(String sessionId) {
        assertThatThrownBy(() -> route("r", "predicate-sse:individual/" + sessionId))
                .isInstanceOf(FailedToCreateRouteException.class)
                .hasStackTraceContaining("The Predicate session ID must be the UUID from the registration response");
        assertThat(SIM.requests()).isEmpty();
        assertThat(SIM.stats().connections()).isZero();
    }

    @Test
    void aSessionIdChangedThroughJavaIsCheckedAgainWhenTheRouteStarts() {
        PredicateSseEndpoint endpoint
                = context.getEndpoint("predicate-sse:individual/" + SESSION, PredicateSseEndpoint.class);
        endpoint.getConfiguration().setSessionId(SESSION + "\r\nX-Injected: 1");
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(endpoint).routeId("r").to("log:never");
            }
        })).hasStackTraceContaining("The Predicate session ID must be the UUID from the registration response");
        assertThat(SIM.requests()).isEmpty();
    }

    @Test
    void aTypeOtherThanIndividualOrBusinessIsRefused() {
        assertThatThrownBy(() -> context.getEndpoint("predicate-sse:corporate/" + SESSION))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("must be 'individual' or 'business', not 'corporate'");
        assertThatThrownBy(() -> context.getEndpoint("predicate-sse:" + SESSION))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("predicate-sse:<individual|business>/<sessionId>");
        assertThat(SIM.requests()).isEmpty();
    }

    @Test
    void plainHttpToARemoteHostIsRefused() {
        assertThatThrownBy(() -> context.getEndpoint(
                "predicate-sse:individual/" + SESSION + "?baseUrl=http://api.identity.predicate.invalid"))
                .hasStackTraceContaining("Refusing plain http:// to api.identity.predicate.invalid");
        PredicateSseEndpoint allowed = context.getEndpoint(
                "predicate-sse:individual/" + SESSION + "?baseUrl=http://predicate.internal&allowPlainHttp=true",
                PredicateSseEndpoint.class);
        assertThat(allowed.streamRequest(SESSION, "individual").uri().getHost()).isEqualTo("predicate.internal");
    }

    @Test
    void aBaseUrlWithAQueryOrUserInfoIsRefused() {
        assertThatThrownBy(() -> context.getEndpoint(
                "predicate-sse:individual/" + SESSION + "?baseUrl=RAW(https://predicate.example/?x=1)"))
                .hasStackTraceContaining("no query, fragment or user info");
        assertThatThrownBy(() -> context.getEndpoint(
                "predicate-sse:individual/" + SESSION + "?baseUrl=https://user:pw@predicate.example"))
                .hasStackTraceContaining("no query, fragment or user info");
    }

    @Test
    void withoutAnyApiKeyTheRouteDoesNotStartAndNoRequestIsMade() {
        context.getComponent("predicate-sse", PredicateSseComponent.class).setApiKey(null);
        PredicateSession session = SIM.predicate().createSession();
        assertThatThrownBy(() -> route("r", uri(session, "")))
                .hasStackTraceContaining("No Predicate API key");
        assertThat(SIM.requests()).isEmpty();
    }

    @Test
    void anApiKeyTheHttpClientCannotSendIsRefusedWithoutShowingIt() {
        PredicateSession session = SIM.predicate().createSession();
        PredicateSseEndpoint endpoint = context.getEndpoint(uri(session, ""), PredicateSseEndpoint.class);
        endpoint.getConfiguration().setApiKey("key\u20ac\u00e9-secret");
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(endpoint).routeId("r").to("log:never");
            }
        }));
        assertThat(refused).hasStackTraceContaining("The Predicate API key must be printable ASCII");
        assertThat(stackTrace(refused)).doesNotContain("secret");

        endpoint.getConfiguration().setApiKey("key\r\nX-Injected: 1");
        refused = org.assertj.core.api.Assertions.catchThrowable(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(endpoint).routeId("r2").to("log:never");
            }
        }));
        assertThat(refused).hasStackTraceContaining("The Predicate API key must be printable ASCII");
        assertThat(stackTrace(refused)).doesNotContain("Injected");
        assertThat(SIM.requests()).isEmpty();
    }

    @Test
    void theEndpointDoesNotProduce() {
        PredicateSseEndpoint endpoint
                = context.getEndpoint("predicate-sse:individual/" + SESSION, PredicateSseEndpoint.class);
        assertThatThrownBy(endpoint::createProducer).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringsMaskTheKey() throws Exception {
        PredicateSession session = SIM.predicate().createSession();
        route("r", uri(session, "apiKey=" + SseSimulator.PREDICATE_API_KEY));
        await().until(() -> received.size() == 1);

        assertThat(context.getRoute("r").getEndpoint().toString()).doesNotContain(SseSimulator.PREDICATE_API_KEY)
                .contains("apiKey=xxxxxx");
        assertThat(consumer("r").toString()).doesNotContain(SseSimulator.PREDICATE_API_KEY);
        assertThat(consumer("r").getHealthCheck().call().getDetails().toString())
                .doesNotContain(SseSimulator.PREDICATE_API_KEY);
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter out = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
