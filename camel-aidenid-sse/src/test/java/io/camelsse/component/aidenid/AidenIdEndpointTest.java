/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.camelsse.simulator.RecordedRequest;
import io.camelsse.simulator.SseSimulator;
import io.camelsse.simulator.Vendor;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Options on the component and the endpoint, and the checks that run before any request is made. */
class AidenIdEndpointTest extends AidenIdRouteTestSupport {

    private static final String KEY = SseSimulator.AIDENID_API_KEY;

    @Test
    void componentSettingsApplyToEndpointsThatSetNone() throws Exception {
        AidenIdSseComponent component = context.getComponent("aidenid-sse", AidenIdSseComponent.class);
        component.setApiKey(KEY);
        component.setOrgId(SseSimulator.AIDENID_ORG_ID);
        component.setProjectId(SseSimulator.AIDENID_PROJECT_ID);
        component.setBaseUrl(SIM.baseUrl());
        route("r", "aidenid-sse:stream?exceptionHandler=#recordingHandler");
        awaitConnected("r");
        String id = SIM.aidenId().publishIdentityCreated("ident_c");

        await().until(() -> receivedIds().contains(id));
        RecordedRequest request = SIM.simulator().requests(Vendor.AIDENID).get(0);
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.header("X-Org-Id")).isEqualTo(SseSimulator.AIDENID_ORG_ID);
        assertThat(request.header("X-Project-Id")).isEqualTo(SseSimulator.AIDENID_PROJECT_ID);
        assertThat(request.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(context.getRoute("r").getEndpoint().getEndpointUri()).doesNotContain(KEY);
        assertThat(component.toString()).doesNotContain(KEY);
    }

    @Test
    void endpointSettingsOverrideTheComponents() throws Exception {
        AidenIdSseComponent component = context.getComponent("aidenid-sse", AidenIdSseComponent.class);
        component.setApiKey("aid_component_key");
        component.setOrgId("org_component");
        component.setProjectId("proj_component");
        component.setBaseUrl("https://api.aidenid.com");
        route("r", aidenId(""));
        awaitConnected("r");

        RecordedRequest request = SIM.simulator().requests(Vendor.AIDENID).get(0);
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.header("X-Org-Id")).isEqualTo(SseSimulator.AIDENID_ORG_ID);
        assertThat(request.path()).isEqualTo("/v1/realtime/stream");
    }

    @Test
    void defaultBaseUrlIsTheVendorsAndATrailingSlashIsFine() throws Exception {
        AidenIdSseEndpoint endpoint = endpoint("aidenid-sse:stream?apiKey=k&orgId=o&projectId=p");
        assertThat(endpoint.getConfiguration().getBaseUrl()).isEqualTo("https://api.aidenid.com");
        assertThat(endpoint.streamRequest().uri()).hasToString("https://api.aidenid.com/v1/realtime/stream");

        AidenIdSseEndpoint slash = endpoint("aidenid-sse:stream?apiKey=k&orgId=o&projectId=p&baseUrl="
                                            + SIM.baseUrl() + "/");
        assertThat(slash.streamRequest().uri()).hasToString(SIM.baseUrl() + "/v1/realtime/stream");
    }

    @ParameterizedTest
    @ValueSource(strings = { "apiKey", "orgId", "projectId" })
    void missingRequiredSettingIsRefusedWhenTheEndpointIsCreated(String option) {
        String uri = "aidenid-sse:stream?" + Stream.of("apiKey=k", "orgId=o", "projectId=p")
                .filter(o -> !o.startsWith(option + "=")).collect(Collectors.joining("&"));
        assertThatThrownBy(() -> context.getEndpoint(uri))
                .rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs " + option);
        assertThat(SIM.simulator().requests()).isEmpty();
    }

    @Test
    void otherPathThanStreamIsRefused() {
        assertThatThrownBy(() -> context.getEndpoint("aidenid-sse:events?apiKey=k&orgId=o&projectId=p"))
                .rootCause().hasMessageContaining("use aidenid-sse:stream");
    }

    @ParameterizedTest
    @ValueSource(strings = { "orgId=org%01x", "projectId=proj%7F", "orgId=org%C3%A9", "lastEventId=evt%01" })
    void headerValuesWithControlOrNonAsciiCharactersAreRefused(String bad) {
        String option = bad.substring(0, bad.indexOf('='));
        String uri = "aidenid-sse:stream?apiKey=k&orgId=o&projectId=p&" + bad;
        assertThatThrownBy(() -> context.getEndpoint(uri)).rootCause().hasMessageStartingWith(option);
    }

    @Test
    void headerInjectionSetInJavaFailsTheRouteStartBeforeAnyRequest() throws Exception {
        AidenIdSseEndpoint endpoint = endpoint(aidenId(""));
        endpoint.getConfiguration().setOrgId("org_sim\r\nX-Evil: 1");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(endpoint).routeId("r").autoStartup(false).process(received::add);
            }
        });

        assertThatThrownBy(() -> context.getRouteController().startRoute("r"))
                .satisfies(e -> assertThat(rootOf(e)).hasMessageContaining("orgId must not contain CR, LF"));
        assertThat(SIM.simulator().requests()).isEmpty();
    }

    @Test
    void apiKeyWithControlCharactersIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> context.getEndpoint("aidenid-sse:stream?apiKey=aid_secret%01x&orgId=o&projectId=p"))
                .rootCause().hasMessageStartingWith("apiKey").message().doesNotContain("aid_secret");
    }

    @Test
    void plainHttpToAHostThatIsNotLoopbackIsRefusedUnlessAllowed() throws Exception {
        assertThatThrownBy(() -> context.getEndpoint(
                "aidenid-sse:stream?apiKey=k&orgId=o&projectId=p&baseUrl=http://api.aidenid.invalid"))
                .rootCause().hasMessageContaining("Refusing plain http://");
        AidenIdSseEndpoint allowed = endpoint(
                "aidenid-sse:stream?apiKey=k&orgId=o&projectId=p&baseUrl=http://api.aidenid.com&allowPlainHttp=true");
        assertThat(allowed.streamRequest().uri()).hasToString("http://api.aidenid.com/v1/realtime/stream");
    }

    @Test
    void storedIdThatCannotBeSentFailsTheRouteStart() throws Exception {
        MemoryStateRepository positions = new MemoryStateRepository();
        positions.setState("aidenid-sse/org_sim/proj_sim", "evt_1\r\nX-Evil: 1");
        context.getRegistry().bind("positions", positions);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(aidenId("lastEventIdRepository=#positions")).routeId("r").autoStartup(false)
                        .process(received::add);
            }
        });

        assertThatThrownBy(() -> context.getRouteController().startRoute("r"))
                .satisfies(e -> assertThat(rootOf(e)).hasMessageContaining("lastEventId must not contain CR, LF"));
        assertThat(SIM.simulator().requests()).isEmpty();
    }

    @Test
    void noSecretInToStringsOrHealthDetails() throws Exception {
        route("r", aidenId(""));
        awaitConnected("r");

        Endpoint endpoint = context.getRoute("r").getEndpoint();
        assertThat(endpoint.toString()).doesNotContain(KEY);
        assertThat(consumer("r").toString()).doesNotContain(KEY);
        HealthCheck.Result health = consumer("r").getHealthCheck().call();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(health.getDetails().toString()).doesNotContain(KEY);
        assertThat(consumer("r").getHealthCheck().getId()).isEqualTo("aidenid-sse-consumer-r");
    }

    @Test
    void theEndpointOnlyConsumes() {
        assertThatThrownBy(() -> endpoint(aidenId("")).createProducer())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static Throwable rootOf(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private AidenIdSseEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, AidenIdSseEndpoint.class);
    }
}
