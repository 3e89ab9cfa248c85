/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid.springboot;

import io.camelsse.component.aidenid.AidenIdSseComponent;
import io.camelsse.springboot.testsupport.StarterOptionsCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every option in the aidenid-sse component's JSON is a documented camel.component.aidenid-sse.* property of the same
 * type and default in the metadata this module's build generated, and every property an option.
 */
class AidenIdSseStarterOptionsTest {

    @Test
    void everyComponentOptionIsAStarterProperty() {
        assertThat(StarterOptionsCheck.problems(AidenIdSseComponent.class, "aidenid-sse",
                AidenIdSseComponentConfiguration.class)).isEmpty();
    }
}
