/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.resume.Deserializable;
import org.apache.camel.resume.Offset;
import org.apache.camel.resume.OffsetKey;
import org.apache.camel.resume.Resumable;
import org.apache.camel.resume.ResumeAdapter;
import org.apache.camel.resume.ResumeStrategy;
import org.apache.camel.resume.ResumeStrategyConfiguration;

/**
 * A resume strategy over a log that several strategies (nodes) share, the way camel-kafka's strategy shares a topic:
 * every update is appended as serialized key and value, and each strategy whose cache is loaded reads the whole log
 * and every later record, through its adapter's {@link Deserializable} side.
 */
public class SharedLogResumeStrategy implements ResumeStrategy {

    /** The shared store: records in order, and the adapters reading them. */
    public static final class Log {
        private final List<ByteBuffer[]> records = new ArrayList<>();
        private final List<Deserializable> readers = new ArrayList<>();

        public synchronized void append(ByteBuffer key, ByteBuffer value) {
            records.add(new ByteBuffer[] { key, value });
            readers.forEach(reader -> reader.deserialize(key.duplicate(), value.duplicate()));
        }

        public synchronized void read(Deserializable reader) {
            snapshot(reader);
            readers.add(reader);
        }

        /** Reads the records so far, without following the log. */
        public synchronized void snapshot(Deserializable reader) {
            records.forEach(r -> reader.deserialize(r[0].duplicate(), r[1].duplicate()));
        }
    }

    private final Log log;
    private ResumeAdapter adapter;
    private ResumeStrategyConfiguration configuration;

    public SharedLogResumeStrategy(Log log) {
        this.log = log;
    }

    @Override
    public void setAdapter(ResumeAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public ResumeAdapter getAdapter() {
        return adapter;
    }

    @Override
    public void loadCache() {
        log.read((Deserializable) adapter);
    }

    @Override
    public <T extends Resumable> void updateLastOffset(T offset) {
        updateLastOffset(offset.getOffsetKey(), offset.getLastOffset());
    }

    @Override
    public <T extends Resumable> void updateLastOffset(T offset, UpdateCallBack callback) {
        updateLastOffset(offset);
        callback.onUpdate(null);
    }

    @Override
    public void updateLastOffset(OffsetKey<?> key, Offset<?> offset) {
        log.append(key.serialize(), offset.serialize());
    }

    @Override
    public void updateLastOffset(OffsetKey<?> key, Offset<?> offset, UpdateCallBack callback) {
        updateLastOffset(key, offset);
        callback.onUpdate(null);
    }

    @Override
    public void setResumeStrategyConfiguration(ResumeStrategyConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public ResumeStrategyConfiguration getResumeStrategyConfiguration() {
        return configuration;
    }

    @Override
    public void start() {
        // the log is in memory: nothing to open
    }

    @Override
    public void stop() {
        // nothing to close
    }
}
