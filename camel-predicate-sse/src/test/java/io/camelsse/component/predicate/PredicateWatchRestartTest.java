/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.ScriptStart;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A whole new Camel context, with a new repository object reading the same file or table, takes over the watch set:
 * every session that is not final is re-opened, a status delivered before is not delivered again, and a status that
 * changed while nothing ran is delivered once.
 */
class PredicateWatchRestartTest extends PredicateWatchTestSupport {

    @TempDir
    Path dir;

    @Test
    void fileRepositoryRestartLosesNothingAndRepeatsNothing() throws Exception {
        Path file = dir.resolve("watch.log");
        restartScenario(() -> new FileWatchRepository(file));
    }

    @Test
    void jdbcRepositoryRestartLosesNothingAndRepeatsNothing() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:watch-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        restartScenario(() -> new JdbcWatchRepository(dataSource));
    }

    private void restartScenario(Supplier<WatchRepository> repository) throws Exception {
        String uri = watchUri("watchRepository=#watchRepository&maxConnectsPerSecond=0");
        List<PredicateSession> sessions = SIM.predicate().createSessions(20, b -> b.scriptStart(ScriptStart.MANUAL));
        startContext(uri, "watchRepository", repository.get());
        sessions.forEach(s -> add(s.id()));
        await().until(() -> received.size() == 20);
        sessions.subList(0, 10).forEach(PredicateSession::advance);
        await().until(() -> received.size() == 30);
        sessions.subList(0, 3).forEach(PredicateSession::complete);
        await().until(() -> received.size() == 33 && watchSet().size() == 17);
        context.stop();

        // while nothing runs: five sessions move on, one reaches its outcome
        sessions.subList(10, 15).forEach(PredicateSession::advance);
        sessions.get(15).reject();
        received.clear();
        int requestsBefore = SIM.requests().size();
        startContext(uri, "watchRepository", repository.get());

        await().until(() -> received.size() == 6);
        // every session that was not final was asked for again: the 17 left, none of the three completed
        await().until(() -> SIM.requests().size() == requestsBefore + 17);
        await().during(Duration.ofMillis(500)).until(() -> received.size() == 6);
        for (PredicateSession moved : sessions.subList(10, 15)) {
            assertThat(statusesOf(moved.id())).containsExactly("submitted");
        }
        assertThat(statusesOf(sessions.get(15).id())).containsExactly("rejected");
        assertThat(watchSet().size()).isEqualTo(16);
        assertThat(reported).isEmpty();

        // and the watch goes on
        sessions.get(3).complete();
        await().until(() -> statusesOf(sessions.get(3).id()).equals(List.of("completed")));
        await().until(() -> watchSet().size() == 15);
    }
}
