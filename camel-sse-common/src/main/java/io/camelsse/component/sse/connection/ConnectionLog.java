/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.connection;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lines a stream writes about its connections: each attempt and how it ended, a reconnect after an outage, and
 * each reconnect scheduled. Failures are reported to the stream's handler as well; here they are in their order.
 * Reconnects are routine for an owner of thousands of streams, which shows their states in its own health
 * details, so such an owner has them written at DEBUG; one line per stream on a server restart would flood the log.
 */
final class ConnectionLog {

    // the category users configure and the docs name is the stream's own
    private static final Logger LOG = LoggerFactory.getLogger(SseStream.class);

    private final String prefix;
    private volatile boolean routineAtDebug;

    /** @param prefix how each line starts: the stream's name, if any, and its URL with secrets masked */
    ConnectionLog(String prefix) {
        this.prefix = prefix;
    }

    void routineAtDebug() {
        routineAtDebug = true;
    }

    void connecting() {
        LOG.debug("{}: connecting", prefix);
    }

    void redirected(int status, URI target) {
        LOG.debug("{}: redirected ({}) to {}", prefix, status, DisplayUri.of(target));
    }

    void connected(boolean reconnect, ConnectionHistory.Outage outage, Instant now, String resumedAfter) {
        if (reconnect && outage.downSince() != null && !routineAtDebug) {
            LOG.info("{}: reconnected after {} without a connection{}, resuming after event ID '{}'", prefix,
                    seconds(Duration.between(outage.downSince(), now)),
                    outage.failedAttempts() > 1 ? " and " + outage.failedAttempts() + " attempts" : "",
                    EventIds.forDisplay(resumedAfter));
        } else {
            LOG.debug("{}: connected", prefix);
        }
    }

    void reconnectScheduled(String reason, ConnectionHistory.Outage outage, Duration delay) {
        int failedAttempts = outage.failedAttempts();
        if (routineAtDebug) {
            LOG.debug("{}: {}; attempt {} failed, next try in {}", prefix, reason, failedAttempts, seconds(delay));
        } else if (failedAttempts == 0) {
            LOG.warn("{}: {}; reconnecting in {}", prefix, reason, seconds(delay));
        } else {
            Instant down = outage.downSince();
            LOG.warn("{}: {}; attempt {} failed, next try in {}, no connection since {}", prefix, reason,
                    failedAttempts, seconds(delay), down == null ? null : down.truncatedTo(ChronoUnit.MILLIS));
        }
    }

    void attemptFailed(Throwable cause) {
        LOG.debug("{}: attempt failed", prefix, cause);
    }

    void streamEnded(Throwable error) {
        LOG.debug("{}: stream ended", prefix, error);
    }

    void endedByServer() {
        LOG.info("{}: the server answered 204 No Content: the stream is over, no reconnect", prefix);
    }

    void unexpectedFailure(Throwable bug) {
        LOG.error("{}: unexpected failure in the stream", prefix, bug);
    }

    /** A duration as people read it in a log line: {@code 4.1 s}, or {@code 40 ms} below a second. */
    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
