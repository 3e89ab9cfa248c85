/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.reconnect;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReconnectPolicyTest {

    private static ReconnectPolicy policy(long base, long max, int attempts, double random) {
        return new ReconnectPolicy(Duration.ofMillis(base), Duration.ofMillis(max), attempts, () -> random);
    }

    @Test
    void delayDoublesUpToTheCeiling() {
        ReconnectPolicy policy = policy(1000, 5000, 0, 0.999999);
        assertThat(policy.nextDelay(null)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.nextDelay(null)).isEqualTo(Duration.ofMillis(2000));
        assertThat(policy.nextDelay(null)).isEqualTo(Duration.ofMillis(4000));
        assertThat(policy.nextDelay(null)).isEqualTo(Duration.ofMillis(5000));
        assertThat(policy.nextDelay(null)).isEqualTo(Duration.ofMillis(5000));
    }

    @Test
    void aZeroReconnectDelayReconnectsAtOnceOnceThenStillBacksOff() {
        ReconnectPolicy policy = policy(0, 30000, 0, 0.999999);
        assertThat(policy.nextDelay(null)).isEqualTo(Duration.ZERO);
        assertThat(policy.nextDelay(null)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.nextDelay(null)).isEqualTo(Duration.ofMillis(200));
        policy.connectionStable();
        assertThat(policy.nextDelay(null)).isEqualTo(Duration.ZERO);
    }

    @Test
    void jitterKeepsAtLeastHalfTheDelay() {
        ReconnectPolicy low = policy(1000, 30000, 0, 0.0);
        assertThat(low.nextDelay(null)).isEqualTo(Duration.ofMillis(500));
        assertThat(low.nextDelay(null)).isEqualTo(Duration.ofMillis(1000));
        ReconnectPolicy mid = policy(1000, 30000, 0, 0.5);
        assertThat(mid.nextDelay(null).toMillis()).isBetween(500L, 1000L);
    }

    @Test
    void serverRetryReplacesTheBaseDelay() {
        ReconnectPolicy policy = policy(60000, 120000, 0, 0.999999);
        policy.serverRetry(150);
        assertThat(policy.nextDelay(null)).isEqualTo(Duration.ofMillis(150));
        assertThat(policy.nextDelay(null)).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void serverRetryBelowOneHundredMillisecondsCountsAsOneHundred() {
        ReconnectPolicy policy = policy(1000, 30000, 0, 0.999999);
        policy.serverRetry(0);
        assertThat(policy.nextDelay(null)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.nextDelay(null)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void retryZeroStillBacksOffUpToTheCeiling() {
        ReconnectPolicy policy = policy(1000, 30000, 0, 0.999999);
        policy.serverRetry(0);
        long total = 0;
        int attempts = 0;
        Duration delay = Duration.ZERO;
        for (; total < 5000; attempts++) {
            delay = policy.nextDelay(null);
            total += delay.toMillis();
        }
        assertThat(attempts).as("attempts within 5 s").isLessThanOrEqualTo(7);
        for (int i = 0; i < 20; i++) {
            delay = policy.nextDelay(null);
        }
        assertThat(delay).isEqualTo(Duration.ofMillis(30000));
    }

    @Test
    void serverDelaysAreCappedAtOneHour() {
        ReconnectPolicy policy = policy(1000, 30000, 0, 0.999999);
        policy.serverRetry(Long.MAX_VALUE);
        assertThat(policy.nextDelay(null)).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
        assertThat(policy.nextDelay(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Duration.ofHours(1));
        ReconnectPolicy fresh = policy(1000, 30000, 0, 0.5);
        assertThat(fresh.nextDelay(Duration.ofDays(365))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void serverRetryAboveTheCeilingIsObeyed() {
        ReconnectPolicy policy = policy(1000, 5000, 0, 0.999999);
        policy.serverRetry(20000);
        assertThat(policy.nextDelay(null)).isEqualTo(Duration.ofMillis(20000));
    }

    @Test
    void retryAfterIsAFloor() {
        ReconnectPolicy policy = policy(10, 100, 0, 0.5);
        assertThat(policy.nextDelay(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void stableConnectionStartsTheBackoffAgain() {
        ReconnectPolicy policy = policy(100, 10000, 0, 0.999999);
        policy.nextDelay(null);
        policy.nextDelay(null);
        assertThat(policy.nextDelay(null)).isEqualTo(Duration.ofMillis(400));
        policy.connectionStable();
        assertThat(policy.nextDelay(null)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void firstConnectionIsNotCountedAgainstMaxReconnectAttempts() {
        ReconnectPolicy policy = policy(10, 10, 2, 0.5);
        assertThat(policy.attemptFailed(false)).isTrue();
        assertThat(policy.attemptFailed(true)).isTrue();
        assertThat(policy.attemptFailed(true)).as("two reconnects failed in a row").isFalse();
    }

    @Test
    void aConnectionEndsTheRunOfFailures() {
        ReconnectPolicy policy = policy(10, 10, 2, 0.5);
        policy.attemptFailed(true);
        policy.connected();
        assertThat(policy.attemptFailed(true)).isTrue();
    }

    @Test
    void zeroAttemptsMeansNeverGiveUp() {
        ReconnectPolicy policy = policy(10, 10, 0, 0.5);
        for (int i = 0; i < 1000; i++) {
            assertThat(policy.attemptFailed(true)).isTrue();
        }
    }

    /**
     * A random source bound to one thread and called on another reads that thread's unseeded state: the same
     * "random" delays in every run. Two JVMs each draw from a fresh thread, as a stream's scheduler thread does.
     */
    @Test
    void jitterDiffersBetweenRunsOnThreadsThatNeverDrewBefore() throws Exception {
        assertThat(drawInAFreshJvm()).isNotEqualTo(drawInAFreshJvm());
    }

    private static String drawInAFreshJvm() throws Exception {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), JitterDraw.class.getName()).redirectErrorStream(true).start();
        String out = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(jvm.exitValue()).as(out).isZero();
        return out;
    }

    /** Draws one jitter value on a thread that has not used a random number yet, and prints it. */
    public static final class JitterDraw {
        public static void main(String[] args) throws Exception {
            double[] drawn = new double[1];
            Thread fresh = new Thread(() -> drawn[0] = ReconnectPolicy.JITTER.getAsDouble());
            fresh.start();
            fresh.join();
            System.out.println(drawn[0]);
        }
    }

    @Test
    void hugeExponentsDoNotOverflow() {
        ReconnectPolicy policy = policy(Long.MAX_VALUE / 4, Long.MAX_VALUE / 2, 0, 0.999999);
        for (int i = 0; i < 100; i++) {
            assertThat(policy.nextDelay(null)).isPositive();
        }
        ReconnectPolicy largest = new ReconnectPolicy(Duration.ofSeconds(Long.MAX_VALUE),
                Duration.ofSeconds(Long.MAX_VALUE), 0, () -> 0.999999);
        for (int i = 0; i < 100; i++) {
            assertThat(largest.nextDelay(Duration.ofSeconds(Long.MAX_VALUE))).isPositive();
        }
    }
}
