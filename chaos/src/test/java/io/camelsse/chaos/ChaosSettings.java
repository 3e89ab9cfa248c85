/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.chaos;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The knobs of a run, from system properties: {@code chaos.duration} (0 or absent: the short form; else e.g.
 * {@code 10m}, {@code 90s}), {@code chaos.scale} (multiplies event counts and route counts) and {@code chaos.seed}
 * (absent: a random one, printed so a failure can be replayed).
 */
final class ChaosSettings {

    static final int SCENARIOS = 8;

    final Duration duration;
    final double scale;
    final long seed;

    private ChaosSettings(Duration duration, double scale, long seed) {
        this.duration = duration;
        this.scale = scale;
        this.seed = seed;
    }

    static ChaosSettings fromSystemProperties() {
        String seedText = System.getProperty("chaos.seed", "").trim();
        long seed = seedText.isEmpty() ? ThreadLocalRandom.current().nextLong() : Long.parseLong(seedText);
        String scaleText = System.getProperty("chaos.scale", "").trim();
        double scale = scaleText.isEmpty() ? 1 : Double.parseDouble(scaleText);
        return new ChaosSettings(parseDuration(System.getProperty("chaos.duration", "0")), scale, seed);
    }

    boolean isShortForm() {
        return duration.isZero();
    }

    /** How long one scenario repeats its rounds: its share of the whole duration (0 in the short form: one round). */
    Duration sliceOfEachScenario() {
        return duration.dividedBy(SCENARIOS);
    }

    int scaled(int count) {
        return Math.max(1, (int) Math.round(count * scale));
    }

    /** The seed of one round of one scenario, so a single round can be told apart in a failure message. */
    long seedOf(int scenario, int round) {
        return seed ^ (0x9E3779B97F4A7C15L * (scenario * 1000L + round + 1));
    }

    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("0")) {
            return Duration.ZERO;
        }
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        switch (t.charAt(t.length() - 1)) {
            case 's':
                return Duration.ofSeconds(n);
            case 'm':
                return Duration.ofMinutes(n);
            case 'h':
                return Duration.ofHours(n);
            default:
                return Duration.ofSeconds(Long.parseLong(t));
        }
    }

    @Override
    public String toString() {
        return "duration=" + (isShortForm() ? "short" : duration.toSeconds() + "s") + " scale=" + scale + " seed=" + seed;
    }
}
