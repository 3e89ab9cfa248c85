/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import java.util.Objects;

/**
 * A wallet as it appears in {@code verifiedWallets} and {@code unverifiedWallets}.
 *
 * @param id      wallet ID
 * @param address wallet address, e.g. {@code 0x1234...}
 * @param chain   chain name, e.g. {@code ethereum}
 */
public record SimulatedWallet(String id, String address, String chain) {

    public SimulatedWallet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(chain, "chain");
    }

    /** A wallet on {@code ethereum}. */
    public static SimulatedWallet ethereum(String id, String address) {
        return new SimulatedWallet(id, address, "ethereum");
    }
}
