/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link WatchRepository} in one text file: every change is one line appended and handed to the operating system
 * at once, so the set survives a restart or a killed JVM (not a power cut: the file is not synced to disk on every
 * change). The file is rewritten with only the live sessions when it is opened and whenever the log has grown to
 * several times their number.
 * <p>
 * Lines: {@code A<TAB>set<TAB>session<TAB>type}, {@code D<TAB>set<TAB>session<TAB>status JSON},
 * {@code R<TAB>set<TAB>session}. A line cut short by a crash is ignored.
 */
public class FileWatchRepository implements WatchRepository {

    private static final Logger LOG = LoggerFactory.getLogger(FileWatchRepository.class);
    private static final int MIN_LINES_BEFORE_COMPACTION = 1_000;

    private final Path file;
    // guarded by this
    private final Map<String, Map<String, WatchedSession>> sets = new LinkedHashMap<>();
    private BufferedWriter writer;
    private long linesWritten;

    public FileWatchRepository(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    /** For Camel's bean binding, e.g. {@code #class:...FileWatchRepository('/var/lib/app/watch.log')}. */
    public FileWatchRepository(String file) {
        this(Path.of(file));
    }

    public Path getFile() {
        return file;
    }

    @Override
    public synchronized List<WatchedSession> load(String watchName) throws IOException {
        open();
        return new ArrayList<>(set(watchName).values());
    }

    // each change is written before it is made in memory: a change that failed to reach the file is not taken either,
    // so a caller that tries again writes it then

    @Override
    public synchronized void add(String watchName, WatchedSession session) throws IOException {
        open();
        if (!set(watchName).containsKey(session.sessionId())) {
            append("A", watchName, session.sessionId(), session.verificationType());
            set(watchName).put(session.sessionId(), session);
            compactIfGrown();
        }
    }

    @Override
    public synchronized void delivered(String watchName, String sessionId, String statusJson) throws IOException {
        open();
        WatchedSession session = set(watchName).get(sessionId);
        if (session != null) {
            append("D", watchName, sessionId, statusJson);
            set(watchName).put(sessionId, session.withLastDelivered(statusJson));
            compactIfGrown();
        }
    }

    @Override
    public synchronized void remove(String watchName, String sessionId) throws IOException {
        open();
        if (set(watchName).containsKey(sessionId)) {
            append("R", watchName, sessionId, null);
            set(watchName).remove(sessionId);
            compactIfGrown();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
            sets.clear();
        }
    }

    private Map<String, WatchedSession> set(String watchName) {
        return sets.computeIfAbsent(watchName, n -> new LinkedHashMap<>());
    }

    private void open() throws IOException {
        if (writer != null) {
            return;
        }
        sets.clear();
        if (Files.exists(file)) {
            read();
        }
        rewrite();
    }

    private void read() throws IOException {
        int ignored = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!apply(line.split("\t", -1))) {
                ignored++;
            }
        }
        if (ignored > 0) {
            LOG.warn("{}: {} incomplete line(s) ignored, as a crash while writing leaves them", file, ignored);
        }
    }

    private boolean apply(String[] fields) {
        if (fields.length == 4 && "A".equals(fields[0])) {
            set(fields[1]).putIfAbsent(fields[2], new WatchedSession(fields[2], fields[3], null));
        } else if (fields.length == 4 && "D".equals(fields[0]) && fields[3].endsWith("}")) {
            set(fields[1]).computeIfPresent(fields[2], (id, s) -> s.withLastDelivered(fields[3]));
        } else if (fields.length == 3 && "R".equals(fields[0])) {
            set(fields[1]).remove(fields[2]);
        } else {
            return false;
        }
        return true;
    }

    /** Writes the live sessions only, to a new file that then takes the old one's place in one step. */
    private void rewrite() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path compacted = file.resolveSibling(file.getFileName() + ".compacting");
        long lines = 0;
        try (BufferedWriter out = Files.newBufferedWriter(compacted, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, Map<String, WatchedSession>> set : sets.entrySet()) {
                for (WatchedSession s : set.getValue().values()) {
                    out.write(line("A", set.getKey(), s.sessionId(), s.verificationType()));
                    lines++;
                    if (s.lastDeliveredJson() != null) {
                        out.write(line("D", set.getKey(), s.sessionId(), s.lastDeliveredJson()));
                        lines++;
                    }
                }
            }
        }
        Files.move(compacted, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        linesWritten = lines;
    }

    private void append(String op, String watchName, String sessionId, String value) throws IOException {
        requireOneLine(value);
        try {
            writer.write(line(op, watchName, sessionId, value));
            writer.flush();
        } catch (IOException e) {
            // part of the line may be in the file, or still in the writer's buffer: the next call starts afresh from
            // the file, which ignores a cut line and rewrites the file without it
            forget(e);
            throw e;
        }
        linesWritten++;
    }

    /** The change is in the file already: a compaction that fails does not fail it, the next call tries again. */
    private void compactIfGrown() {
        long live = sets.values().stream().mapToLong(Map::size).sum();
        if (linesWritten > Math.max(MIN_LINES_BEFORE_COMPACTION, 4 * live)) {
            try {
                rewrite();
            } catch (IOException e) {
                forget(e);
                LOG.warn("{}: could not compact the file, it is read again on next use: {}", file, e.toString());
            }
        }
    }

    /** Drops what is in memory: the next call reads the file again, which holds every change that succeeded. */
    private void forget(IOException failure) {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
            writer = null;
        }
        sets.clear();
    }

    private static void requireOneLine(String value) {
        if (value != null && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\t') >= 0)) {
            // compact JSON escapes these; anything else would break the file's lines
            throw new UncheckedIOException(new IOException("A watch entry must fit on one line"));
        }
    }

    private static String line(String op, String watchName, String sessionId, String value) {
        return op + "\t" + watchName + "\t" + sessionId + (value == null ? "" : "\t" + value) + "\n";
    }

    @Override
    public String toString() {
        return "FileWatchRepository[" + file + "]";
    }
}
