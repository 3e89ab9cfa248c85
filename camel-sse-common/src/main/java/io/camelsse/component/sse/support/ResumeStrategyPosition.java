/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.camelsse.component.sse.connection.HeaderValues;
import io.camelsse.component.sse.connection.EventIds;
import org.apache.camel.Exchange;
import org.apache.camel.resume.ResumeStrategy;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.support.resume.OffsetKeys;
import org.apache.camel.support.resume.Offsets;
import org.apache.camel.support.resume.Resumables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stream's position as a route's resume strategy keeps it (the {@code resumable()} EIP), under one key: what a
 * {@code ResumeAware} consumer reads when it starts, and the offset each of its exchanges carries.
 * <p>
 * A strategy such as camel-kafka's reads its store asynchronously, and says nothing when it has caught up. So the
 * consumer writes a start marker through the strategy and waits until the marker has been read back: every position
 * written before it, by any node, has then been read too.
 * <p>
 * The marker is handed to the strategy on a thread of its own, which lives only as long as the hand-over: a strategy
 * may block there while its store is out of reach (camel-kafka's producer waits up to {@code max.block.ms} for the
 * broker), and the wait for the marker is bounded by the read-back timeout all the same.
 */
public final class ResumeStrategyPosition {

    private static final Logger LOG = LoggerFactory.getLogger(ResumeStrategyPosition.class);
    // the adapter each strategy was first given: see load
    private static final Map<ResumeStrategy, LastEventIdResumeAdapter> FIRST_ADAPTERS
            = Collections.synchronizedMap(new WeakHashMap<>());

    private final ResumeStrategy strategy;
    private final String key;
    private final ExecutorServiceManager threads;
    private final Object threadOwner;
    // loaded once per start: a strategy such as camel-kafka's starts a reading thread each time it is asked
    private boolean cacheLoaded;

    /**
     * @param threads     where the thread that hands the start marker over comes from
     * @param threadOwner the owner Camel names that thread after
     */
    public ResumeStrategyPosition(ResumeStrategy strategy, String key, ExecutorServiceManager threads,
                                  Object threadOwner) {
        this.strategy = strategy;
        this.key = key;
        this.threads = threads;
        this.threadOwner = threadOwner;
    }

    public String key() {
        return key;
    }

    /**
     * Loads the strategy's store and answers the last event ID it holds for the key; empty when it holds none. The ID
     * goes into a request header like the lastEventId option, so it is checked like it.
     *
     * @param  readBackTimeout          how long to wait for the store to be read up to now; a strategy that confirms
     *                                  its writes but never reads them back costs this long, and a warning
     * @throws PositionStoreException   when the store failed: the strategy could not load it, or did not take or
     *                                  confirm the start marker within the timeout, or reported the marker's write
     *                                  failed. Starting from what it read so far could skip events, so the caller
     *                                  asks again
     * @throws IllegalArgumentException when the store holds an ID that may not be sent as {@code Last-Event-ID}
     */
    public String load(Duration readBackTimeout) throws PositionStoreException {
        if (!cacheLoaded) {
            loadCache();
            cacheLoaded = true;
        }
        if (!(strategy.getAdapter() instanceof LastEventIdResumeAdapter adapter)) {
            // e.g. camel-core's TransientResumeStrategy, which brings its own adapter and keeps nothing
            LOG.warn("The resume strategy {} has no {}: it holds no position of the stream; resuming from the other"
                     + " sources", strategyName(), LastEventIdResumeAdapter.class.getSimpleName());
            return "";
        }
        String marker = UUID.randomUUID().toString();
        CountDownLatch settled = adapter.expect(marker);
        MarkerWrite write = new MarkerWrite(settled);
        boolean settledInTime;
        ExecutorService handOver = threads.newSingleThreadExecutor(threadOwner, "SseResumeMarker");
        try {
            long deadline = System.nanoTime() + readBackTimeout.toNanos();
            Future<?> taken = handOver.submit(() -> {
                strategy.updateLastOffset(OffsetKeys.of(key + LastEventIdResumeAdapter.START_MARKER_SUFFIX),
                        Offsets.of(marker), write);
                return null;
            });
            taken.get(readBackTimeout.toNanos(), TimeUnit.NANOSECONDS);
            settledInTime = settled.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw new PositionStoreException("the read of the resume strategy " + strategyName()
                                             + " was interrupted", stopping);
        } catch (TimeoutException blocked) {
            throw new PositionStoreException("the resume strategy " + strategyName() + " did not take a start marker"
                                             + " within " + readBackTimeout.toMillis() + " ms (resumeReadTimeout)",
                    null);
        } catch (ExecutionException failed) {
            throw new PositionStoreException("the resume strategy " + strategyName() + " could not write a start"
                                             + " marker", failed.getCause());
        } finally {
            // interrupts a hand-over that still blocks, which camel-kafka's producer heeds
            threads.shutdownNow(handOver);
            adapter.forget(marker);
        }
        if (write.failure != null) {
            throw new PositionStoreException("the resume strategy " + strategyName() + " could not write a start"
                                             + " marker", write.failure);
        }
        if (!settledInTime) {
            if (!write.confirmed) {
                throw new PositionStoreException("the resume strategy " + strategyName() + " did not confirm the"
                                                 + " write of a start marker within " + readBackTimeout.toMillis()
                                                 + " ms (resumeReadTimeout)", null);
            }
            LOG.warn("The resume strategy {} confirmed a start marker but did not read it back within {} ms: resuming"
                     + " from the positions it has read so far", strategyName(), readBackTimeout.toMillis());
        }
        return HeaderValues.requireNoControlCharacters("lastEventId", adapter.lastEventId(key));
    }

    private void loadCache() throws PositionStoreException {
        if (strategy.getAdapter() instanceof LastEventIdResumeAdapter given) {
            // master: hands the strategy a new adapter at each leadership, but a strategy that reads its store on a
            // thread of its own (camel-kafka's) goes on feeding the first one: only that one sees the marker
            LastEventIdResumeAdapter first = FIRST_ADAPTERS.putIfAbsent(strategy, given);
            if (first != null && first != given) {
                strategy.setAdapter(first);
            }
        }
        try {
            strategy.loadCache();
        } catch (Exception failed) {
            throw new PositionStoreException("the resume strategy " + strategyName() + " could not load its store",
                    failed);
        }
    }

    /** What the strategy says of the marker's write; a failure also ends the wait for the marker to be read back. */
    private static final class MarkerWrite implements ResumeStrategy.UpdateCallBack {
        private final CountDownLatch settled;
        private volatile boolean confirmed;
        private volatile Throwable failure;

        MarkerWrite(CountDownLatch settled) {
            this.settled = settled;
        }

        @Override
        public void onUpdate(Throwable error) {
            if (error == null) {
                confirmed = true;
            } else {
                failure = error;
                settled.countDown();
            }
        }
    }

    /** The strategy's class as log lines name it; an anonymous class has no simple name. */
    private String strategyName() {
        String simple = strategy.getClass().getSimpleName();
        return simple.isEmpty() ? strategy.getClass().getName() : simple;
    }

    /**
     * Puts the offset on the exchange, in {@link Exchange#OFFSET}, for {@code resumable()} to record once the exchange
     * has completed; an ID that may not be sent back as {@code Last-Event-ID} is no position and is left out (callers
     * pass the position before such an event instead).
     */
    public void carryOffset(Exchange exchange, String eventId) {
        if (EventIds.isResumable(eventId)) {
            exchange.getMessage().setHeader(Exchange.OFFSET, Resumables.of(key, eventId));
        }
    }

    /** Records a position that no exchange carries (an event a filter skipped). */
    public void record(String eventId) throws Exception {
        if (EventIds.isResumable(eventId)) {
            strategy.updateLastOffset(OffsetKeys.of(key), Offsets.of(eventId));
        }
    }
}
