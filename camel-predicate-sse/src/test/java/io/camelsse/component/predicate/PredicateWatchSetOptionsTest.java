/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.util.Locale;

import io.camelsse.simulator.PredicateSession;
import io.camelsse.simulator.ScriptStart;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** What reaches a watch set that several endpoints share: its options, and the session IDs producers name. */
class PredicateWatchSetOptionsTest extends PredicateWatchTestSupport {

    private WatchSet watchSet(String name) {
        return context.getComponent("predicate-sse", PredicateSseComponent.class).watchSet(name);
    }

    @Test
    void theSetOptionsReachTheSetInEverySpellingCamelBinds() throws Exception {
        MemoryWatchRepository repository = new MemoryWatchRepository();
        startContext(watchUri(""), "repo", repository);
        String[] spellings = { "watch-repository", "watchrepository", "WatchRepository" };
        for (int i = 0; i < spellings.length; i++) {
            String spelling = spellings[i];
            String name = "spelled" + i;
            context.getEndpoint("predicate-sse:watch/" + name + "?" + spelling + "=#repo&max-sessions=1");
            String sessionId = SIM.predicate().newSession().scriptStart(ScriptStart.MANUAL).create().id();
            template().sendBody("predicate-sse:watch/" + name, sessionId);

            assertThat(repository.load(name)).as(spelling).extracting(WatchedSession::sessionId)
                    .containsExactly(sessionId);
            assertThat(watchSet(name).maxSessions()).as("max-sessions beside " + spelling).isEqualTo(1);
        }
    }

    @Test
    void anEndpointThatNamesTheDefaultCapacityConflictsWithOneThatNamesAnother() throws Exception {
        startContext(watchUri(""));
        context.getEndpoint("predicate-sse:watch/sized?maxSessions=" + WatchSet.DEFAULT_MAX_SESSIONS);

        assertThatThrownBy(() -> context.getEndpoint("predicate-sse:watch/sized?maxSessions=5"))
                .hasStackTraceContaining("Watch set 'sized' already has maxSessions=" + WatchSet.DEFAULT_MAX_SESSIONS);
        assertThat(watchSet("sized").maxSessions()).isEqualTo(WatchSet.DEFAULT_MAX_SESSIONS);
    }

    @Test
    void anEndpointThatNamesAnotherRepositoryIsRefused() throws Exception {
        startContext(watchUri(""), "first", new MemoryWatchRepository(), "second", new MemoryWatchRepository());
        context.getEndpoint("predicate-sse:watch/stored?watchRepository=#first");

        assertThatThrownBy(() -> context.getEndpoint("predicate-sse:watch/stored?watchRepository=#second"))
                .hasStackTraceContaining("every endpoint of one watch set must name the same watchRepository");
    }

    @Test
    void aSessionIdInUpperCaseIsTheSameSession() throws Exception {
        startContext(watchUri(""));
        PredicateSession session = SIM.predicate().newSession().scriptStart(ScriptStart.MANUAL).create();
        add(session.id().toUpperCase(Locale.ROOT));
        add(session.id());

        await().until(() -> received.size() == 1 && session.openStreams() == 1);
        assertThat(watchSet().size()).isEqualTo(1);
        assertThat(watchSet().contains(session.id())).isTrue();

        remove(session.id().toUpperCase(Locale.ROOT));
        await().until(() -> session.openStreams() == 0);
        assertThat(watchSet().size()).isZero();
    }
}
