/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.springboot;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.camelsse.component.sse.SseComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class SseComponentAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    SseComponentAutoConfiguration.class));

    @Test
    void springBootFindsTheAutoConfiguration() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
                .contains(SseComponentAutoConfiguration.class.getName());
    }

    @Test
    void theComponentIsConfiguredFromItsProperties() {
        runner.withPropertyValues(
                "camel.component.sse.worker-threads=3",
                "camel.component.sse.bridge-error-handler=true",
                "camel.component.sse.request-headers=X-Org-Id: acme, X-Trace: on")
                .run(spring -> {
                    SseComponent sse = spring.getBean(CamelContext.class).getComponent("sse", SseComponent.class);

                    assertThat(sse.getWorkerThreads()).isEqualTo(3);
                    assertThat(sse.isBridgeErrorHandler()).isTrue();
                    assertThat(sse.getRequestHeaders()).isEqualTo("X-Org-Id: acme, X-Trace: on");
                });
    }

    /** The starter applies what the application set, not its defaults over what a component bean sets itself. */
    @Test
    void aComponentBeanOfTheApplicationKeepsWhatItSets() {
        runner.withBean("sse", SseComponent.class, () -> {
                    SseComponent own = new SseComponent();
                    own.setWorkerThreads(2);
                    own.setHealthCheckConsumerEnabled(false);
                    return own;
                })
                .withPropertyValues("camel.component.sse.bridge-error-handler=true")
                .run(spring -> {
                    SseComponent sse = spring.getBean(CamelContext.class).getComponent("sse", SseComponent.class);

                    assertThat(sse).isSameAs(spring.getBean("sse"));
                    assertThat(sse.getWorkerThreads()).isEqualTo(2);
                    assertThat(sse.isHealthCheckConsumerEnabled()).isFalse();
                    assertThat(sse.isBridgeErrorHandler()).isTrue();
                });
    }

    @Test
    void aSetPropertyIsAppliedAlsoWhenItEqualsTheDefaultAndInAnyRelaxedSpelling() {
        runner.withBean("sse", SseComponent.class, () -> {
                    SseComponent own = new SseComponent();
                    own.setWorkerThreads(2);
                    own.setBridgeErrorHandler(true);
                    return own;
                })
                .withPropertyValues(
                        "camel.component.sse.worker-threads=8",
                        "camel.component.sse.bridgeErrorHandler=false")
                .run(spring -> {
                    SseComponent sse = spring.getBean(CamelContext.class).getComponent("sse", SseComponent.class);

                    assertThat(sse.getWorkerThreads()).isEqualTo(8);
                    assertThat(sse.isBridgeErrorHandler()).isFalse();
                });
    }

    @Test
    void camelPlaceholdersInAValueAreResolved() {
        runner.withPropertyValues(
                "trace.header=X-Trace: on",
                "camel.component.sse.request-headers={{trace.header}}")
                .run(spring -> {
                    SseComponent sse = spring.getBean(CamelContext.class).getComponent("sse", SseComponent.class);

                    assertThat(sse.getRequestHeaders()).isEqualTo("X-Trace: on");
                });
    }

    /** A value Camel cannot apply fails the start naming the property; the value may be a secret, so it is not shown. */
    @Test
    void aValueThatCannotBeAppliedIsNotRepeatedInTheFailure() {
        runner.withPropertyValues("camel.component.sse.request-headers="
                                  + "Authorization: Bearer s3cr3t-header-value, X-Trace: {{no.such.property}}")
                .run(spring -> {
                    Throwable failure = catchThrowable(() -> spring.getBean(CamelContext.class).getComponent("sse"));

                    assertThat(failure).isNotNull();
                    assertThat(stackTraceOf(failure))
                            .contains("camel.component.sse.request-headers", "no.such.property")
                            .doesNotContain("s3cr3t-header-value");
                });
    }

    private static String stackTraceOf(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    @Test
    void disabledItLeavesTheComponentAlone() {
        runner.withPropertyValues(
                "camel.component.sse.enabled=false",
                "camel.component.sse.worker-threads=3")
                .run(spring -> {
                    assertThat(spring).doesNotHaveBean(SseComponentConfiguration.class);
                    SseComponent sse = spring.getBean(CamelContext.class).getComponent("sse", SseComponent.class);

                    assertThat(sse.getWorkerThreads()).isEqualTo(8);
                });
    }

    @Test
    void withTheCustomizerOffThePropertiesAreBoundButNotApplied() {
        runner.withPropertyValues(
                "camel.component.sse.customizer.enabled=false",
                "camel.component.sse.worker-threads=3")
                .run(spring -> {
                    assertThat(spring.getBean(SseComponentConfiguration.class).getWorkerThreads()).isEqualTo(3);
                    SseComponent sse = spring.getBean(CamelContext.class).getComponent("sse", SseComponent.class);

                    assertThat(sse.getWorkerThreads()).isEqualTo(8);
                });
    }
}
