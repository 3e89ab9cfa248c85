/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.chaos;

import java.util.concurrent.atomic.AtomicLong;

/** The counts of a whole run, for the one summary line. */
final class ChaosLedger {

    final AtomicLong aidenIdPublished = new AtomicLong();
    final AtomicLong aidenIdDelivered = new AtomicLong();
    final AtomicLong aidenIdLost = new AtomicLong();
    final AtomicLong aidenIdDuplicated = new AtomicLong();
    final AtomicLong predicateSessions = new AtomicLong();
    final AtomicLong predicateFinal = new AtomicLong();
    final AtomicLong sseStreams = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();
    final AtomicLong serverRestarts = new AtomicLong();
    final AtomicLong routeRestarts = new AtomicLong();
    final AtomicLong contextRestarts = new AtomicLong();
    final AtomicLong kills = new AtomicLong();
    final AtomicLong rounds = new AtomicLong();
    volatile int threadsBaseline = -1;
    volatile int threadsAfter = -1;
    volatile int fdsBaseline = -1;
    volatile int fdsAfter = -1;
    volatile long heapBaselineMb = -1;
    volatile long heapAfterMb = -1;

    void countAidenId(ExactlyOnceCheck check) {
        aidenIdPublished.addAndGet(check.published());
        aidenIdDelivered.addAndGet(check.delivered());
        aidenIdLost.addAndGet(check.lost());
        aidenIdDuplicated.addAndGet(check.duplicated());
    }

    String summary(long elapsedSeconds, ChaosSettings settings) {
        return "chaos summary: duration=" + elapsedSeconds + "s seed=" + settings.seed + " rounds=" + rounds
               + " aidenid published=" + aidenIdPublished + " delivered=" + aidenIdDelivered
               + " lost=" + aidenIdLost + " duplicated=" + aidenIdDuplicated
               + " predicate sessions=" + predicateSessions + " final=" + predicateFinal
               + " sse streams=" + sseStreams + " reconnects=" + reconnects
               + " restarts server=" + serverRestarts + " route=" + routeRestarts + " context=" + contextRestarts
               + " kills=" + kills
               + " threads baseline=" + threadsBaseline + " after=" + threadsAfter
               + " fds baseline=" + fdsBaseline + " after=" + fdsAfter
               + " heapMb baseline=" + heapBaselineMb + " after=" + heapAfterMb;
    }
}
