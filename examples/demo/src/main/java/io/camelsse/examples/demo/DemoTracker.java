/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.camelsse.component.sse.connection.StreamState;
import io.camelsse.component.sse.connection.StreamStatus;
import io.camelsse.component.sse.support.SseConsumerSupport;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps count of what the routes saw, so the demo knows when the story is over and can tell it in a summary. The
 * routes call it as the bean {@code demoTracker}.
 */
public final class DemoTracker {

    private static final Logger LOG = LoggerFactory.getLogger("demo");

    private final Set<String> expectedAidenIdTypes;
    private final CountDownLatch end = new CountDownLatch(1);

    // guarded by this
    private final List<String> kycStatuses = new ArrayList<>();
    private String finalKycStatus;
    private boolean kycVerified;
    private final Map<String, Integer> aidenIdTypes = new LinkedHashMap<>();
    private final List<String> approvedWallets = new ArrayList<>();
    private final List<String> otpsFilled = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private String fatalError;

    /**
     * @param expectedAidenIdTypes the AidenID types that must all be seen before the demo may end; empty when the
     *                             real API is used, where nobody knows what will come
     */
    public DemoTracker(Set<String> expectedAidenIdTypes) {
        this.expectedAidenIdTypes = Set.copyOf(expectedAidenIdTypes);
    }

    /** A Predicate status event went through the {@code kyc-status} route. */
    public void kycStatus(Exchange exchange) {
        String status = exchange.getMessage().getHeader("CamelPredicateStatus", String.class);
        boolean terminal = Boolean.TRUE.equals(exchange.getMessage().getHeader("CamelPredicateTerminal", Boolean.class));
        boolean verified = Boolean.TRUE.equals(exchange.getMessage().getHeader("CamelPredicateVerified", Boolean.class));
        synchronized (this) {
            kycStatuses.add(status);
            if (terminal) {
                finalKycStatus = status;
                kycVerified = verified;
            }
        }
        checkDone();
    }

    /** An AidenID event went through the {@code aidenid-events} route. */
    public void aidenIdEvent(Exchange exchange) {
        String type = exchange.getMessage().getHeader("CamelSseEventType", String.class);
        synchronized (this) {
            aidenIdTypes.merge(type, 1, Integer::sum);
        }
        checkDone();
    }

    /** The mock wallet approval was done. */
    public synchronized void walletApproved(String address, String chain) {
        approvedWallets.add(address + " (" + chain + ")");
    }

    /** The mock OTP step was done. */
    public synchronized void otpFilled(String identityId) {
        otpsFilled.add(identityId);
    }

    /**
     * A route's error handler got an exception: a stream that failed for good ({@code bridgeErrorHandler=true}) or an
     * event that could not be read. A failed stream ends the demo at once.
     */
    public void failure(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (error == null) {
            error = exchange.getException();
        }
        String explained = explain(error);
        String failedStream = failedStream(exchange);
        synchronized (this) {
            errors.add(explained);
            if (failedStream != null && fatalError == null) {
                fatalError = failedStream + ": " + explained;
            }
        }
        if (failedStream != null) {
            LOG.error("The {} stream failed for good: {}", failedStream, explained);
            LOG.error("See docs/troubleshooting.md for what to do.");
            end.countDown();
        } else {
            LOG.warn("An event could not be handled: {}", explained);
        }
    }

    /** Waits until the story is over, a stream failed, or the time is up; true unless the time ran out. */
    public boolean awaitEnd(Duration max) throws InterruptedException {
        return end.await(max.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkDone() {
        synchronized (this) {
            boolean kycDone = finalKycStatus != null;
            boolean aidenIdDone = !expectedAidenIdTypes.isEmpty()
                    && aidenIdTypes.keySet().containsAll(expectedAidenIdTypes);
            if (!kycDone || !aidenIdDone) {
                return;
            }
        }
        end.countDown();
    }

    public synchronized List<String> kycStatuses() {
        return List.copyOf(kycStatuses);
    }

    public synchronized String finalKycStatus() {
        return finalKycStatus;
    }

    public synchronized boolean kycVerified() {
        return kycVerified;
    }

    public synchronized Map<String, Integer> aidenIdTypes() {
        return new LinkedHashMap<>(aidenIdTypes);
    }

    public synchronized List<String> approvedWallets() {
        return List.copyOf(approvedWallets);
    }

    public synchronized List<String> otpsFilled() {
        return List.copyOf(otpsFilled);
    }

    public synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    public synchronized String fatalError() {
        return fatalError;
    }

    /** Which stream, if any, is down for good: its route's consumer is the judge, not the exception's type. */
    private static String failedStream(Exchange exchange) {
        for (Route route : exchange.getContext().getRoutes()) {
            if (route.getConsumer() instanceof SseConsumerSupport consumer) {
                StreamStatus status = consumer.streamStatus();
                if (status != null && status.state() == StreamState.FAILED) {
                    return route.getRouteId();
                }
            }
        }
        return null;
    }

    /** Plain words for what a newcomer most likely got wrong; the key itself is never part of any message. */
    static String explain(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        HttpOperationFailedException http = find(error, HttpOperationFailedException.class);
        if (http != null) {
            String body = http.getResponseBody() == null ? "" : " " + http.getResponseBody().strip();
            String hint = switch (http.getStatusCode()) {
                case 401 -> "the API key was refused: check PREDICATE_API_KEY / AIDENID_API_KEY";
                case 403 -> "the key may not open this stream: check its realtime scope, AIDENID_ORG_ID and"
                            + " AIDENID_PROJECT_ID";
                case 404 -> "no such stream: check PREDICATE_SESSION_ID and PREDICATE_VERIFICATION_TYPE"
                            + " (individual or business)";
                case 429 -> "too many open streams or requests, and the reconnect attempts are used up";
                default -> "the server refused the stream";
            };
            return "HTTP " + http.getStatusCode() + " " + http.getStatusText() + body + " - " + hint;
        }
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
