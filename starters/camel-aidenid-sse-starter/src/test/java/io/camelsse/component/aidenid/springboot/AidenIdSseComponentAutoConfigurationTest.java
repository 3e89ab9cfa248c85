/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid.springboot;

import io.camelsse.component.aidenid.AidenIdSseComponent;
import io.camelsse.component.aidenid.AidenIdSseConfiguration;
import io.camelsse.component.sse.springboot.SseComponentAutoConfiguration;
import io.camelsse.component.sse.springboot.StarterBindingAutoConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class AidenIdSseComponentAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, StarterBindingAutoConfiguration.class,
                    SseComponentAutoConfiguration.class, AidenIdSseComponentAutoConfiguration.class));

    @Test
    void springBootFindsTheAutoConfigurations() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
                .contains(AidenIdSseComponentAutoConfiguration.class.getName(),
                        SseComponentAutoConfiguration.class.getName());
    }

    @Test
    void theComponentIsConfiguredFromItsProperties() {
        runner.withPropertyValues(
                "camel.component.aidenid-sse.api-key=key-from-properties",
                "camel.component.aidenid-sse.org-id=org_a",
                "camel.component.aidenid-sse.project-id=proj_b",
                "camel.component.aidenid-sse.base-url=http://127.0.0.1:1",
                "camel.component.aidenid-sse.worker-threads=2",
                "camel.component.aidenid-sse.bridge-error-handler=true")
                .run(spring -> {
                    AidenIdSseComponent aidenId = spring.getBean(CamelContext.class)
                            .getComponent("aidenid-sse", AidenIdSseComponent.class);

                    assertThat(aidenId.getApiKey()).isEqualTo("key-from-properties");
                    assertThat(aidenId.getOrgId()).isEqualTo("org_a");
                    assertThat(aidenId.getProjectId()).isEqualTo("proj_b");
                    assertThat(aidenId.getBaseUrl()).isEqualTo("http://127.0.0.1:1");
                    assertThat(aidenId.getWorkerThreads()).isEqualTo(2);
                    assertThat(aidenId.isBridgeErrorHandler()).isTrue();
                });
    }

    @Test
    void durationsTakeCamelsSyntaxAndObjectsAreBeanReferences() {
        runner.withBean("positions", MemoryStateRepository.class)
                .withPropertyValues(
                        "camel.component.aidenid-sse.read-timeout=10s",
                        "camel.component.aidenid-sse.reconnect-delay=1m30s",
                        "camel.component.aidenid-sse.connect-timeout=2500",
                        "camel.component.aidenid-sse.last-event-id-repository=#bean:positions")
                .run(spring -> {
                    assertThat(spring).hasNotFailed();
                    AidenIdSseConfiguration defaults = spring.getBean(CamelContext.class)
                            .getComponent("aidenid-sse", AidenIdSseComponent.class).getConfiguration();

                    assertThat(defaults.getReadTimeout()).isEqualTo(10_000L);
                    assertThat(defaults.getReconnectDelay()).isEqualTo(90_000L);
                    assertThat(defaults.getConnectTimeout()).isEqualTo(2_500L);
                    assertThat(defaults.getLastEventIdRepository()).isSameAs(spring.getBean("positions"));
                });
    }

    /**
     * The configuration bean holds the defaults of every endpoint: the starter's own defaults must not overwrite its
     * values, while a property the application sets goes on top of it, whatever order the two are applied in.
     */
    @Test
    void aConfigurationBeanKeepsItsValuesAndTheSetPropertiesGoOnTop() {
        runner.withBean("defaults", AidenIdSseConfiguration.class, () -> {
                    AidenIdSseConfiguration defaults = new AidenIdSseConfiguration();
                    defaults.setBaseUrl("http://127.0.0.1:9");
                    defaults.setReadTimeout(5_000L);
                    defaults.setRawPayload(true);
                    defaults.setOrgId("org_from_bean");
                    defaults.setProjectId("proj_from_bean");
                    return defaults;
                })
                .withPropertyValues(
                        "camel.component.aidenid-sse.configuration=#bean:defaults",
                        "camel.component.aidenid-sse.event-types=inbound.received",
                        "camel.component.aidenid-sse.project-id=proj_from_properties")
                .run(spring -> {
                    assertThat(spring).hasNotFailed();
                    AidenIdSseConfiguration defaults = spring.getBean(CamelContext.class)
                            .getComponent("aidenid-sse", AidenIdSseComponent.class).getConfiguration();

                    assertThat(defaults.getBaseUrl()).isEqualTo("http://127.0.0.1:9");
                    assertThat(defaults.getReadTimeout()).isEqualTo(5_000L);
                    assertThat(defaults.isRawPayload()).isTrue();
                    assertThat(defaults.getOrgId()).isEqualTo("org_from_bean");
                    assertThat(defaults.getEventTypes()).isEqualTo("inbound.received");
                    assertThat(defaults.getProjectId()).isEqualTo("proj_from_properties");
                });
    }

    @Test
    void aValueThatIsNoBeanReferenceIsRefusedByName() {
        runner.withPropertyValues("camel.component.aidenid-sse.last-event-id-repository=positions")
                .run(spring -> assertThat(spring).getFailure()
                        .hasStackTraceContaining("refers to a bean, written #bean:name"));
    }

    @Test
    void everyComponentCanBeLeftAloneAtOnce() {
        runner.withPropertyValues(
                "camel.component.enabled=false",
                "camel.component.aidenid-sse.org-id=org_a")
                .run(spring -> {
                    assertThat(spring).doesNotHaveBean(AidenIdSseComponentConfiguration.class);
                    AidenIdSseComponent aidenId = spring.getBean(CamelContext.class)
                            .getComponent("aidenid-sse", AidenIdSseComponent.class);

                    assertThat(aidenId.getOrgId()).isNull();
                });
    }
}
