/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a log line or a health check says of a repository's failure: the cause, and no password a driver quoted. */
class StoreFailureDescriptionTest {

    @Test
    void namesTheExceptionAndARootCauseItsMessageDoesNotTell() {
        SQLException failure = new SQLException("Connection is broken", "08001",
                new ConnectException("Connection refused"));

        assertThat(StoreFailureDescription.of(failure))
                .isEqualTo("SQLException: Connection is broken (caused by ConnectException: Connection refused)");
        assertThat(StoreFailureDescription.of(new IllegalStateException(failure)))
                .isEqualTo("IllegalStateException: java.sql.SQLException: Connection is broken"
                           + " (caused by ConnectException: Connection refused)");
        assertThat(StoreFailureDescription.of(new SQLException()))
                .isEqualTo("SQLException");
    }

    @Test
    void masksThePasswordsADriverQuotes() {
        String description = StoreFailureDescription.of(new SQLException(
                "Cannot connect to jdbc:h2:tcp://db/watch;USER=sa;PASSWORD=s3cret-1, nor to"
                + " jdbc:postgresql://db/watch?user=app&password=s3cret-2&ssl=true, nor to"
                + " postgresql://app:s3cret-3@db:5432/watch with pwd: 's3cret 4' or client_secret=\"s3cret 5\""));

        assertThat(description).doesNotContain("s3cret")
                .contains("USER=sa;PASSWORD=xxxxxx,", "user=app&password=xxxxxx&ssl=true",
                        "postgresql://app:xxxxxx@db:5432/watch", "pwd: xxxxxx", "client_secret=xxxxxx");
    }

    @Test
    void isOneLineOfBoundedLength() {
        String description = StoreFailureDescription.of(new SQLException("first line\nsecond line\r\n"
                                                                              + "x".repeat(2000)));

        assertThat(description).doesNotContain("\n", "\r").startsWith("SQLException: first line second line x")
                .hasSizeLessThanOrEqualTo(503);
    }
}
