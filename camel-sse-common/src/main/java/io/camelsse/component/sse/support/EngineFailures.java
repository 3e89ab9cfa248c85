/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.net.URI;
import java.net.URISyntaxException;

import io.camelsse.component.sse.connection.DisplayUri;
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
                answer.statusText(), shownLocation(answer.location()), answer.headers(), answer.body());
        // an answer from a server: where the adapter built it says nothing
        failure.setStackTrace(NO_PLACE_IN_OUR_CODE);
        return failure;
    }

    /**
     * The {@code Location} of an answer as Camel's exception may show it: its message quotes the location as given,
     * and a server may send back the request URL there (a login redirect's {@code return_to}), secret query
     * parameters and all. Masked as the stream URL is.
     */
    static String shownLocation(String location) {
        if (location == null) {
            return null;
        }
        try {
            URI uri = new URI(location.trim());
            String shown = DisplayUri.of(uri);
            // a network-path reference (//host/path) keeps its slashes, so it still reads as one
            return uri.getScheme() == null && uri.getHost() != null ? "//" + shown : shown;
        } catch (URISyntaxException unparsable) {
            // nothing can be told apart in it: its query and any user info are left out rather than guessed at
            String withoutQuery = location.split("[?#]", 2)[0];
            return withoutQuery.replaceFirst("//[^/]*@", "//");
        }
    }
}
