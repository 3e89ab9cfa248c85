/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.chaos;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/** What a leak would show: live threads, open file descriptors, heap in use after a GC. */
final class ProcessResources {

    private ProcessResources() {
    }

    static java.util.Set<String> threadNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        Thread.getAllStackTraces().keySet().forEach(t -> names.add(t.getName()));
        return names;
    }

    static java.util.Set<String> threadsNotIn(java.util.Set<String> baseline) {
        java.util.Set<String> now = threadNames();
        now.removeAll(baseline);
        return now;
    }

    /**
     * Live threads, but for Camel's own ShutdownTask threads: a context started again after a stop (which Camel
     * itself advises against, and the context-restart scenario does on purpose) keeps the idle thread of its shutdown
     * strategy. What is counted is what the components and the JDK client leave behind.
     */
    static int liveThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.getName().endsWith(" - ShutdownTask")).count();
    }

    /** Open file descriptors of this JVM (sockets included), or -1 where /proc is not there. */
    static int openFileDescriptors() {
        String[] fds = new File("/proc/self/fd").list();
        if (fds != null) {
            return fds.length;
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return (int) unix.getOpenFileDescriptorCount();
        }
        return -1;
    }

    static long heapUsedAfterGc() {
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }
}
