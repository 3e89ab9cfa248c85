/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import io.camelsse.component.sse.support.SseCommonConstants;
import org.apache.camel.spi.Metadata;

/**
 * Headers of the exchanges the {@code sse} component creates. The vendor components set them too.
 */
public final class SseConstants {

    @Metadata(description = "The event type: the stream's event field, or `message` when the stream names none.",
              javaType = "String")
    public static final String EVENT_TYPE = SseCommonConstants.EVENT_TYPE;

    @Metadata(description = "The last event ID in force for this event. It may be empty, and it persists across"
                            + " events and reconnections as the WHATWG rules say.",
              javaType = "String")
    public static final String EVENT_ID = SseCommonConstants.EVENT_ID;

    private SseConstants() {
    }
}
