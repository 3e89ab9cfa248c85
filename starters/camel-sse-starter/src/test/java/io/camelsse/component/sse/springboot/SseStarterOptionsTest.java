/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.springboot;

import io.camelsse.component.sse.SseComponent;
import io.camelsse.springboot.testsupport.StarterOptionsCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every option in the sse component's JSON is a documented camel.component.sse.* property of the same type and
 * default in the metadata this module's build generated, and every property an option.
 */
class SseStarterOptionsTest {

    @Test
    void everyComponentOptionIsAStarterProperty() {
        assertThat(StarterOptionsCheck.problems(SseComponent.class, "sse", SseComponentConfiguration.class)).isEmpty();
    }
}
