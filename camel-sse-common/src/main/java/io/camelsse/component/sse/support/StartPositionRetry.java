/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.camelsse.component.sse.connection.FailureDescription;
import io.camelsse.component.sse.connection.StreamState;
import io.camelsse.component.sse.connection.StreamStatus;
import io.camelsse.component.sse.reconnect.ReconnectPolicy;
import org.apache.camel.spi.ExecutorServiceManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started consumer whose stream position could not be read, because its store failed: reads it again with the
 * stream's backoff and jitter until it can, then hands it over to open the stream. Starting from an older position
 * would skip events, and failing the start would leave a consumer that {@code master:} wraps leading with no stream
 * for good, since {@code master:} starts it once per leadership.
 * <p>
 * The reads run on a thread of their own, which exists only while the wait lasts: a store may block, so neither the
 * component's timers nor the threads that route events are lent to it.
 */
final class StartPositionRetry {

    /** Reads the position; throws while the store fails. */
    interface PositionRead {
        String read() throws Exception;
    }

    /** Opens the stream after the position; false when the consumer stopped meanwhile. */
    interface StreamOpening {
        boolean open(String startAfter, StartPositionRetry retry) throws Exception;
    }

    /** Reports a wait that ended for good: attempts used up, or a stream that cannot be built. */
    interface GivingUp {
        void gaveUp(Exception failure);
    }

    private static final Logger LOG = LoggerFactory.getLogger(StartPositionRetry.class);

    private final String streamName;
    private final String displayUri;
    private final PositionRead read;
    private final StreamOpening opening;
    private final GivingUp givingUp;
    private final ReconnectPolicy backoff;
    private final Clock clock;
    private final ExecutorServiceManager threads;
    private final ScheduledExecutorService thread;
    private volatile Instant since;
    private volatile Exception lastFailure;
    private volatile int failedAttempts;
    private volatile Instant nextAttemptAt;
    private volatile boolean over;
    private volatile boolean gaveUp;
    private volatile boolean cancelled;
    private volatile boolean firstAttempt;

    StartPositionRetry(Object owner, ExecutorServiceManager threads, String streamName, String displayUri,
                       PositionRead read, StreamOpening opening, GivingUp givingUp, ReconnectPolicy backoff,
                       Clock clock) {
        this.streamName = streamName;
        this.displayUri = displayUri;
        this.read = read;
        this.opening = opening;
        this.givingUp = givingUp;
        this.backoff = backoff;
        this.clock = clock;
        this.threads = threads;
        this.thread = threads.newSingleThreadScheduledExecutor(owner, "SsePositionRead");
        this.since = clock.instant();
    }

    /** Starts the wait after the start's own read failed. */
    void begin(Exception firstFailure) {
        lastFailure = firstFailure;
        failedAttempts = 1;
        backoff.attemptFailed(false);
        Duration delay = backoff.nextDelay(null);
        LOG.warn("{}: cannot read where the stream from {} resumes: {}; it opens once the position is read, trying"
                 + " again in {} ms", streamName, displayUri, describe(firstFailure), delay.toMillis());
        schedule(delay);
    }

    /**
     * Takes over from an earlier wait of the same start, on request ({@code reconnect()}): reads at once. Its failure
     * and since when the stream has had no position stay in the status until this one reads; the attempts count from
     * zero again, as for a stream that {@code reconnect()} replaces.
     */
    void takeOver(StartPositionRetry earlier) {
        lastFailure = earlier.lastFailure;
        failedAttempts = earlier.failedAttempts;
        since = earlier.since;
        // this read is not counted against maxReconnectAttempts, as a replaced stream's first connection is not
        firstAttempt = true;
        schedule(Duration.ZERO);
    }

    /**
     * Ends the wait: nothing is read or opened after this returns. A read under way is interrupted; one that does not
     * heed the interrupt runs to its end, and its result is dropped.
     */
    void cancel() {
        cancelled = true;
        over = true;
        threads.shutdownNow(thread);
    }

    /** The stream's status while it waits for its position, and once that wait gave up or its consumer stopped. */
    StreamStatus status() {
        Exception failure = lastFailure;
        StreamState state = gaveUp ? StreamState.FAILED : cancelled ? StreamState.STOPPED : StreamState.RECONNECTING;
        return new StreamStatus(state, "", 0, null, failure, 0, state == StreamState.RECONNECTING ? nextAttemptAt : null,
                "cannot read where the stream resumes: " + describe(failure), since, failedAttempts, false);
    }

    private void schedule(Duration delay) {
        nextAttemptAt = clock.instant().plus(delay);
        try {
            thread.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException cancelled) {
            // the consumer stopped, or another wait took over, between the check of over and now: nothing to do
            if (!over) {
                throw cancelled;
            }
        }
    }

    private void attempt() {
        if (over) {
            return;
        }
        String startAfter;
        try {
            startAfter = read.read();
        } catch (Exception failure) {
            failed(failure);
            return;
        }
        try {
            if (opening.open(startAfter, this)) {
                LOG.info("{}: the position of the stream from {} was read after {} failed attempt(s); connecting",
                        streamName, displayUri, failedAttempts);
            }
        } catch (Exception unusable) {
            giveUp(unusable);
            return;
        }
        over = true;
        threads.shutdown(thread);
    }

    private void failed(Exception failure) {
        if (over) {
            return;
        }
        lastFailure = failure;
        failedAttempts++;
        boolean counted = !firstAttempt;
        firstAttempt = false;
        if (!(failure instanceof PositionStoreException) || !backoff.attemptFailed(counted)) {
            // only a store's outage is waited out (an ID that may not be sent is none); and maxReconnectAttempts
            // bounds this wait as it bounds reconnects
            giveUp(failure);
            return;
        }
        Duration delay = backoff.nextDelay(null);
        LOG.debug("{}: still cannot read where the stream from {} resumes: {}; trying again in {} ms", streamName,
                displayUri, describe(failure), delay.toMillis());
        schedule(delay);
    }

    private void giveUp(Exception failure) {
        lastFailure = failure;
        gaveUp = true;
        over = true;
        threads.shutdown(thread);
        givingUp.gaveUp(failure);
    }

    static String describe(Throwable failure) {
        return failure instanceof PositionStoreException || failure instanceof IllegalArgumentException
                ? failure.getMessage() : FailureDescription.of(failure);
    }
}
