/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.apache.camel.resume.Deserializable;
import org.apache.camel.resume.ResumeAdapter;

/**
 * What a resume strategy knows about event streams: the last event ID stored under each key, as the strategy reads
 * its store back (for camel-kafka's {@code KafkaResumeStrategy}, the records of its topic, oldest first, so the newest
 * ID wins). The resume adapter of every consumer of this project that is {@code ResumeAware}.
 * <p>
 * Also recognises the start markers that a starting consumer writes through the strategy: once its own marker has
 * come back, every position written before it has been read. Not {@link org.apache.camel.resume.Cacheable}, on
 * purpose: a cacheable adapter is told of a write at once, and the marker would prove nothing.
 */
public class LastEventIdResumeAdapter implements ResumeAdapter, Deserializable {

    /** Appended to a stream's key to name its start markers. */
    static final String START_MARKER_SUFFIX = "#start";

    private final Map<String, String> lastEventIds = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> startMarkers = new ConcurrentHashMap<>();

    /** The consumer reads the position when it starts; nothing to push into it. */
    @Override
    public void resume() {
        // the consumer asks lastEventId(key) itself, when it knows the store has been read
    }

    @Override
    public boolean deserialize(ByteBuffer keyBuffer, ByteBuffer valueBuffer) {
        Object key = deserializeKey(keyBuffer);
        Object value = deserializeValue(valueBuffer);
        if (!(key instanceof String name) || !(value instanceof String text)) {
            // another consumer's record in a shared store: not ours to interpret
            return true;
        }
        if (name.endsWith(START_MARKER_SUFFIX)) {
            CountDownLatch expected = startMarkers.remove(text);
            if (expected != null) {
                expected.countDown();
            }
        } else {
            lastEventIds.put(name, text);
        }
        return true;
    }

    /** The last event ID the store holds for this key; empty when it holds none. */
    public String lastEventId(String key) {
        return lastEventIds.getOrDefault(key, "");
    }

    /** Counts down when this start marker has been read back from the store; call before writing it. */
    CountDownLatch expect(String startMarker) {
        return startMarkers.computeIfAbsent(startMarker, m -> new CountDownLatch(1));
    }

    /** Stops waiting for a start marker, read back or not. */
    void forget(String startMarker) {
        startMarkers.remove(startMarker);
    }
}
