/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import io.camelsse.component.sse.support.SseCommonConstants;
import org.apache.camel.spi.Metadata;

/**
 * Headers of the exchanges the {@code aidenid-sse} component creates.
 */
public final class AidenIdSseConstants {

    @Metadata(description = "The event type, such as `extraction.completed`.", javaType = "String")
    public static final String EVENT_TYPE = SseCommonConstants.EVENT_TYPE;

    @Metadata(description = "The event ID (the stream's id field), to resume after with lastEventId.",
              javaType = "String")
    public static final String EVENT_ID = SseCommonConstants.EVENT_ID;

    @Metadata(description = "The identity_id of the payload, when it has one.", javaType = "String")
    public static final String IDENTITY_ID = "CamelAidenIdIdentityId";

    private AidenIdSseConstants() {
    }
}
