/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import java.util.Objects;
import java.util.function.Function;

/**
 * What an endpoint's options check into, such as its stream request, kept for as long as the options stay the same.
 * The endpoint checks its options when it is created, so a bad one fails the creation; a consumer that starts later
 * gets the kept result, and the options are checked again only when they changed since (set in Java on the endpoint's
 * configuration after it was created), so such a change still fails the route's start before any request.
 *
 * @param <O> the options the result depends on, as a value with {@code equals}, such as a record
 * @param <R> the checked result, immutable
 */
public final class CheckedOnce<O, R> {

    private final Function<O, R> check;
    private volatile Checked<O, R> last;

    /** @param check turns the options into the result, or throws {@link IllegalArgumentException} saying why not */
    public CheckedOnce(Function<O, R> check) {
        this.check = Objects.requireNonNull(check, "check");
    }

    /** @throws IllegalArgumentException when the options are refused */
    public R of(O options) {
        Checked<O, R> kept = last;
        if (kept == null || !kept.options().equals(options)) {
            kept = new Checked<>(options, check.apply(options));
            last = kept;
        }
        return kept.result();
    }

    // holds secrets (the options may include an API key): never printed
    private record Checked<O, R>(O options, R result) {
        @Override
        public String toString() {
            return "Checked";
        }
    }
}
