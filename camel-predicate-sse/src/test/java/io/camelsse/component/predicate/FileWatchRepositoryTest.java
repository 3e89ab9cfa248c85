/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileWatchRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void whatWasWrittenIsReadBackByANewRepositoryAndACutLastLineIsIgnored() throws Exception {
        Path file = dir.resolve("watch.log");
        FileWatchRepository first = new FileWatchRepository(file);
        first.add("default", new WatchedSession("a", "individual", null));
        first.add("default", new WatchedSession("b", "business", null));
        first.add("other", new WatchedSession("a", "business", null));
        first.delivered("default", "a", "{\"sessionId\":\"a\",\"status\":\"submitted\"}");
        first.add("default", new WatchedSession("c", "individual", null));
        first.remove("default", "b");
        // a crash while writing: half a line
        Files.writeString(file, "D\tdefault\tc\t{\"sessionId\":\"c\",\"sta", StandardOpenOption.APPEND);

        FileWatchRepository second = new FileWatchRepository(file);
        assertThat(second.load("default")).containsExactly(
                new WatchedSession("a", "individual", "{\"sessionId\":\"a\",\"status\":\"submitted\"}"),
                new WatchedSession("c", "individual", null));
        assertThat(second.load("other")).containsExactly(new WatchedSession("a", "business", null));
        second.close();
        first.close();
    }

    @Test
    void aChangeThatCannotBeWrittenIsNotTakenInMemoryEither() throws Exception {
        Path file = dir.resolve("watch.log");
        FileWatchRepository repository = new FileWatchRepository(file);
        repository.add("default", new WatchedSession("a", "individual", null));
        repository.delivered("default", "a", "{\"status\":\"pending\"}");

        assertThatThrownBy(() -> repository.delivered("default", "a", "{\"status\":\n\"submitted\"}"))
                .hasMessageContaining("must fit on one line");
        assertThatThrownBy(() -> repository.add("default", new WatchedSession("b", "individual\tx", null)))
                .hasMessageContaining("must fit on one line");

        WatchedSession[] expected = { new WatchedSession("a", "individual", "{\"status\":\"pending\"}") };
        assertThat(repository.load("default")).as("in memory").containsExactly(expected);
        assertThat(new FileWatchRepository(file).load("default")).as("in the file").containsExactly(expected);
        repository.close();
    }

    @Test
    void theFileStaysSmallWhateverNumberOfChanges() throws Exception {
        Path file = dir.resolve("watch.log");
        FileWatchRepository repository = new FileWatchRepository(file);
        for (int i = 0; i < 20_000; i++) {
            String id = "s" + (i % 10);
            repository.add("default", new WatchedSession(id, "individual", null));
            repository.delivered("default", id, "{\"n\":" + i + "}");
        }
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8).size()).isLessThanOrEqualTo(1_001);
        assertThat(new FileWatchRepository(file).load("default")).hasSize(10)
                .contains(new WatchedSession("s9", "individual", "{\"n\":19999}"));
        repository.close();
    }
}
