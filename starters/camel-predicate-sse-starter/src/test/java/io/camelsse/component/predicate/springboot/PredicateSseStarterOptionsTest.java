/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate.springboot;

import io.camelsse.component.predicate.PredicateSseComponent;
import io.camelsse.springboot.testsupport.StarterOptionsCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every option in the predicate-sse component's JSON is a documented camel.component.predicate-sse.* property of the
 * same type and default in the metadata this module's build generated, and every property an option.
 */
class PredicateSseStarterOptionsTest {

    @Test
    void everyComponentOptionIsAStarterProperty() {
        assertThat(StarterOptionsCheck.problems(PredicateSseComponent.class, "predicate-sse",
                PredicateSseComponentConfiguration.class)).isEmpty();
    }
}
