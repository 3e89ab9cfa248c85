/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import io.camelsse.component.sse.connection.HttpStatusException;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * The one place where the engine's failures become what Camel users expect: an HTTP answer becomes Camel's
 * {@link HttpOperationFailedException}, as camel-http reports it.
 */
public final class EngineFailures {

    private static final StackTraceElement[] NO_PLACE_IN_OUR_CODE = new StackTraceElement[0];

    private EngineFailures() {
    }

    public static HttpOperationFailedException toCamel(HttpStatusException answer) {
        HttpOperationFailedException failure = new HttpOperationFailedException(answer.uri(), answer.statusCode(),
                answer.statusText(), answer.location(), answer.headers(), answer.body());
        // an answer from a server: where the adapter built it says nothing
        failure.setStackTrace(NO_PLACE_IN_OUR_CODE);
        return failure;
    }
}
