/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar describes its component as Camel's own component jars do, in
 * META-INF/services/org/apache/camel/component.properties: Camel's catalog and tooling find the
 * components of a jar by it. Each component module's test names its artifact and component; shared with the vendor
 * modules through this module's test jar.
 */
public abstract class ComponentPropertiesTestSupport {

    private static final String DESCRIPTOR = "META-INF/services/org/apache/camel/component.properties";

    private final String expectedArtifactId;
    private final String expectedComponent;

    protected ComponentPropertiesTestSupport(String expectedArtifactId, String expectedComponent) {
        this.expectedArtifactId = expectedArtifactId;
        this.expectedComponent = expectedComponent;
    }

    @Test
    public void componentPropertiesNameTheComponentAndTheArtifact() throws Exception {
        String artifactId = System.getProperty("camelsse.artifactId");
        assertThat(artifactId).as("set by the build").isEqualTo(expectedArtifactId);

        List<Properties> own = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources(DESCRIPTOR))) {
            Properties properties = new Properties();
            try (InputStream in = url.openStream()) {
                properties.load(in);
            }
            if (artifactId.equals(properties.getProperty("artifactId"))) {
                own.add(properties);
            }
        }

        assertThat(own).as("the %s of %s", DESCRIPTOR, artifactId).hasSize(1);
        Properties properties = own.get(0);
        assertThat(properties.getProperty("components")).isEqualTo(expectedComponent);
        assertThat(properties.getProperty("groupId")).isEqualTo(System.getProperty("camelsse.groupId"))
                .isEqualTo("io.camelsse");
        assertThat(properties.getProperty("version")).isEqualTo(System.getProperty("camelsse.version"));
        assertThat(properties.getProperty("projectName")).isEqualTo(System.getProperty("camelsse.name"));
        assertThat(properties.getProperty("projectDescription")).isEqualTo(System.getProperty("camelsse.description"))
                .isNotBlank();
        assertThat(properties.stringPropertyNames())
                .containsExactlyInAnyOrder("components", "groupId", "artifactId", "version", "projectName",
                        "projectDescription");
    }
}
