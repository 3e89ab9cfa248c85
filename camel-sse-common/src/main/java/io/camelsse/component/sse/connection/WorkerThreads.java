/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Tells the threads of a component's worker pool from all others. The JDK HTTP client hands a body's bytes to its
 * subscriber on whichever thread has them, at times its selector thread, which does the I/O of every connection of
 * the client: a route that ran there and blocked would stall every stream. So events are only delivered on a worker
 * thread, and a subscriber called elsewhere moves its work to one. The client also runs its own work on the workers,
 * among it the reading of an HTTP/2 connection's frames for all of its streams: a subscriber of such a stream moves its
 * work to another worker whatever thread calls it.
 */
public final class WorkerThreads {

    private static final ThreadLocal<Boolean> ON_WORKER = new ThreadLocal<>();

    private WorkerThreads() {
    }

    /** The pool's executor, marking every task it runs as running on a worker thread. */
    public static Executor marking(Executor pool) {
        return new Marking(pool);
    }

    static boolean isWorkerThread() {
        return Boolean.TRUE.equals(ON_WORKER.get());
    }

    /** Runs the task on a worker thread: here when this is one, else on the pool, else (pool shut down) here. */
    static void runOnWorker(Executor workers, Runnable task) {
        if (workers == null || isWorkerThread()) {
            task.run();
            return;
        }
        runOnPool(workers, task);
    }

    /**
     * Runs the task on the pool, even when this is a worker thread: for a caller that may be a worker running the HTTP
     * client's own work for more than one stream (the frames of an HTTP/2 connection). Here when the pool is shut down.
     */
    static void runOnPool(Executor workers, Runnable task) {
        if (workers == null) {
            task.run();
            return;
        }
        try {
            workers.execute(task);
        } catch (RejectedExecutionException stopping) {
            // the component is stopping: finishing here lets the HTTP client close the exchange
            task.run();
        }
    }

    private record Marking(Executor pool) implements Executor {
        @Override
        public void execute(Runnable task) {
            pool.execute(() -> {
                Boolean was = ON_WORKER.get();
                ON_WORKER.set(Boolean.TRUE);
                try {
                    task.run();
                } finally {
                    ON_WORKER.set(was);
                }
            });
        }
    }
}
