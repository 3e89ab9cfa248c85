/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import io.camelsse.component.sse.support.SseConsumerSupport;
import org.apache.camel.spi.Metadata;

/**
 * Headers of the exchanges the {@code aidenid-sse} component creates.
 */
public final class AidenIdSseConstants {

    @Metadata(description = "The event type, such as `extraction.completed`.", javaType = "String")
    public static final String EVENT_TYPE = SseConsumerSupport.EVENT_TYPE_HEADER;

    @Metadata(description = "The event ID (the stream's id field), to resume after with lastEventId.",
              javaType = "String")
    public static final String EVENT_ID = SseConsumerSupport.EVENT_ID_HEADER;

    @Metadata(description = "The identity_id of the payload, when it has one.", javaType = "String")
    public static final String IDENTITY_ID = "CamelAidenIdIdentityId";

    private AidenIdSseConstants() {
    }
}
