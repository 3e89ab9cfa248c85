/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamRequestTest {

    /** A request may end up in a log line or a debugger's view: it shows the URL as logs do, and header names only. */
    @Test
    void toStringShowsNoHeaderValueNoPasswordAndNoSecretQueryParameter() {
        StreamRequest request = StreamRequest.to(URI.create("https://bob:pwCanary1@h:8443/e?token=tokCanary2&page=2"))
                .credential("Authorization", "Bearer authCanary3")
                .header("X-Api-Key", "keyCanary4")
                .build();

        assertThat(request.toString())
                .isEqualTo("StreamRequest[https://h:8443/e?token=xxxxxx&page=2, headers=[Authorization, X-Api-Key]]")
                .doesNotContain("Canary");
        assertThat(request.uri()).as("the URL is requested as written")
                .isEqualTo(URI.create("https://bob:pwCanary1@h:8443/e?token=tokCanary2&page=2"));
    }
}
