/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.parser;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The heap still in use after a full collection: what live objects hold. Precise to a few hundred KB, so tests
 * compare it against bounds of megabytes.
 */
final class RetainedHeap {

    private RetainedHeap() {
    }

    static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // a second collection picks up what the first one only made unreachable (finalizable and soft references)
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
