/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import io.camelsse.component.sse.support.SseCommonConstants;
import org.apache.camel.spi.Metadata;

/**
 * Headers of the exchanges the {@code predicate-sse} component creates.
 */
public final class PredicateSseConstants {

    @Metadata(description = "The session ID the endpoint streams. For the predicate-sse:watch producer, the session"
                            + " to add or remove (when absent, the body).",
              javaType = "String")
    public static final String SESSION_ID = "CamelPredicateSessionId";

    @Metadata(description = "The verification type: `individual` (KYC) or `business` (KYB). For the"
                            + " predicate-sse:watch producer, the type of the session added (default individual).",
              javaType = "String")
    public static final String VERIFICATION_TYPE = "CamelPredicateVerificationType";

    @Metadata(description = "The session status as received, such as `pending`, `submitted`, `in_progress`,"
                            + " `retry`, `completed`, `rejected` or `failed`.",
              javaType = "String")
    public static final String STATUS = "CamelPredicateStatus";

    @Metadata(description = "True when the status is terminal (`completed`, `rejected`, `failed`): the session will"
                            + " not change any more.",
              javaType = "Boolean")
    public static final String TERMINAL = "CamelPredicateTerminal";

    @Metadata(description = "True only for `completed`. A `submitted` session is under manual review: its wallets"
                            + " are not verified.",
              javaType = "Boolean")
    public static final String VERIFIED = "CamelPredicateVerified";

    @Metadata(description = "The user ID, when the event has one.", javaType = "String")
    public static final String USER_ID = "CamelPredicateUserId";

    @Metadata(description = "When the session completed (ISO-8601, as received), when the event has it.",
              javaType = "String")
    public static final String COMPLETED_AT = "CamelPredicateCompletedAt";

    @Metadata(description = "The SSE event type: `message`, as Predicate names none.", javaType = "String")
    public static final String EVENT_TYPE = SseCommonConstants.EVENT_TYPE;

    @Metadata(description = "The last SSE event ID in force; empty, as Predicate sends none.", javaType = "String")
    public static final String EVENT_ID = SseCommonConstants.EVENT_ID;

    @Metadata(label = "producer",
              description = "For the predicate-sse:watch producer: `add` (the default) or `remove` the session.",
              javaType = "String", enums = "add,remove")
    public static final String WATCH_ACTION = "CamelPredicateWatchAction";

    private PredicateSseConstants() {
    }
}
