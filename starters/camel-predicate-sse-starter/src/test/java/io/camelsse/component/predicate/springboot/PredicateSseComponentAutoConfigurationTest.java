/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate.springboot;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.camelsse.component.predicate.MemoryWatchRepository;
import io.camelsse.component.predicate.PredicateSseComponent;
import io.camelsse.component.predicate.PredicateSseConfiguration;
import io.camelsse.component.sse.SseComponent;
import io.camelsse.component.sse.springboot.SseComponentAutoConfiguration;
import io.camelsse.component.sse.springboot.StarterBindingAutoConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class PredicateSseComponentAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, StarterBindingAutoConfiguration.class,
                    SseComponentAutoConfiguration.class, PredicateSseComponentAutoConfiguration.class));

    @Test
    void durationsTakeCamelsSyntaxAndTheWatchRepositoryIsABeanReference() {
        runner.withBean("sessions", MemoryWatchRepository.class)
                .withPropertyValues(
                        "camel.component.predicate-sse.read-timeout=45s",
                        "camel.component.predicate-sse.watch-refresh-interval=2s",
                        "camel.component.predicate-sse.watch-repository=#bean:sessions")
                .run(spring -> {
                    assertThat(spring).hasNotFailed();
                    PredicateSseConfiguration defaults = spring.getBean(CamelContext.class)
                            .getComponent("predicate-sse", PredicateSseComponent.class).getConfiguration();

                    assertThat(defaults.getReadTimeout()).isEqualTo(45_000L);
                    assertThat(defaults.getWatchRefreshInterval()).isEqualTo(2_000L);
                    assertThat(defaults.getWatchRepository()).isSameAs(spring.getBean("sessions"));
                });
    }

    /**
     * The configuration bean holds the defaults of every endpoint: the starter's own defaults must not overwrite its
     * values, while a property the application sets goes on top of it, whatever order the two are applied in.
     */
    @Test
    void aConfigurationBeanKeepsItsValuesAndTheSetPropertiesGoOnTop() {
        runner.withBean("defaults", PredicateSseConfiguration.class, () -> {
                    PredicateSseConfiguration defaults = new PredicateSseConfiguration();
                    defaults.setBaseUrl("http://127.0.0.1:9");
                    defaults.setReadTimeout(5_000L);
                    defaults.setTerminalOnly(true);
                    defaults.setApiKey("key-from-bean");
                    return defaults;
                })
                .withPropertyValues(
                        "camel.component.predicate-sse.configuration=#bean:defaults",
                        "camel.component.predicate-sse.max-sessions=7",
                        "camel.component.predicate-sse.api-key=key-from-properties")
                .run(spring -> {
                    assertThat(spring).hasNotFailed();
                    PredicateSseConfiguration defaults = spring.getBean(CamelContext.class)
                            .getComponent("predicate-sse", PredicateSseComponent.class).getConfiguration();

                    assertThat(defaults.getBaseUrl()).isEqualTo("http://127.0.0.1:9");
                    assertThat(defaults.getReadTimeout()).isEqualTo(5_000L);
                    assertThat(defaults.isTerminalOnly()).isTrue();
                    assertThat(defaults.getMaxSessions()).isEqualTo(7);
                    assertThat(defaults.getApiKey()).isEqualTo("key-from-properties");
                });
    }

    @Test
    void springBootFindsTheAutoConfigurations() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
                .contains(PredicateSseComponentAutoConfiguration.class.getName(),
                        SseComponentAutoConfiguration.class.getName());
    }

    @Test
    void theComponentIsConfiguredFromItsProperties() {
        runner.withPropertyValues(
                "camel.component.predicate-sse.api-key=key-from-properties",
                "camel.component.predicate-sse.base-url=http://127.0.0.1:1",
                "camel.component.predicate-sse.worker-threads=2",
                "camel.component.predicate-sse.lazy-start-producer=true",
                "camel.component.predicate-sse.health-check-consumer-enabled=false")
                .run(spring -> {
                    PredicateSseComponent predicate = spring.getBean(CamelContext.class)
                            .getComponent("predicate-sse", PredicateSseComponent.class);

                    assertThat(predicate.getApiKey()).isEqualTo("key-from-properties");
                    assertThat(predicate.getBaseUrl()).isEqualTo("http://127.0.0.1:1");
                    assertThat(predicate.getWorkerThreads()).isEqualTo(2);
                    assertThat(predicate.isLazyStartProducer()).isTrue();
                    assertThat(predicate.isHealthCheckConsumerEnabled()).isFalse();
                });
    }

    @Test
    void theKeyMayComeFromAPlaceholder() {
        runner.withPropertyValues(
                "vault.predicate-key=key-from-elsewhere",
                "camel.component.predicate-sse.api-key=${vault.predicate-key}")
                .run(spring -> {
                    PredicateSseComponent predicate = spring.getBean(CamelContext.class)
                            .getComponent("predicate-sse", PredicateSseComponent.class);

                    assertThat(predicate.getApiKey()).isEqualTo("key-from-elsewhere");
                    assertThat(predicate.getBaseUrl()).isEqualTo("https://api.identity.predicate.io");
                });
    }

    /** A key Camel cannot apply fails naming the property, never showing the key. */
    @Test
    void aKeyThatCannotBeAppliedIsNotRepeatedInTheFailure() {
        runner.withPropertyValues("camel.component.predicate-sse.api-key=pk_s3cr3t_part{{no.such.suffix}}")
                .run(spring -> {
                    Throwable failure = catchThrowable(
                            () -> spring.getBean(CamelContext.class).getComponent("predicate-sse"));

                    assertThat(failure).isNotNull();
                    StringWriter trace = new StringWriter();
                    failure.printStackTrace(new PrintWriter(trace));
                    assertThat(trace.toString())
                            .contains("camel.component.predicate-sse.api-key", "no.such.suffix")
                            .doesNotContain("pk_s3cr3t_part");
                });
    }

    @Test
    void theSseComponentItBuildsOnIsConfiguredToo() {
        runner.withPropertyValues("camel.component.sse.worker-threads=5")
                .run(spring -> assertThat(spring.getBean(CamelContext.class).getComponent("sse", SseComponent.class)
                        .getWorkerThreads()).isEqualTo(5));
    }

    @Test
    void disabledItLeavesTheComponentAlone() {
        runner.withPropertyValues(
                "camel.component.predicate-sse.enabled=false",
                "camel.component.predicate-sse.api-key=key-from-properties")
                .run(spring -> {
                    assertThat(spring).doesNotHaveBean(PredicateSseComponentConfiguration.class);
                    PredicateSseComponent predicate = spring.getBean(CamelContext.class)
                            .getComponent("predicate-sse", PredicateSseComponent.class);

                    assertThat(predicate.getApiKey()).isNull();
                });
    }
}
