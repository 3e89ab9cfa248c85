/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import org.apache.camel.support.processor.state.MemoryStateRepository;

/**
 * A position store whose database is out of reach while a test says so: each read throws then. Shared with the
 * vendor modules' and the clustering tests through this module's test jar.
 */
public final class UnreachableStateRepository extends MemoryStateRepository {

    private volatile boolean unreachable;
    private volatile int reads;

    public void setUnreachable(boolean unreachable) {
        this.unreachable = unreachable;
    }

    /** How many times the store was read, reachable or not. */
    public int reads() {
        return reads;
    }

    @Override
    public String getState(String key) {
        reads++;
        if (unreachable) {
            throw new IllegalStateException("database unreachable");
        }
        return super.getState(key);
    }
}
