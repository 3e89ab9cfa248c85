/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.javadsl;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A stand-in for the step a verified KYC session unlocks: keeps the wallets it would approve. */
public class WalletApprovals {

    private static final Logger LOG = LoggerFactory.getLogger(WalletApprovals.class);

    private final List<String> approved = new CopyOnWriteArrayList<>();

    /** Called with the status event of a completed session, converted to a {@code Map}. */
    public void approve(Map<String, Object> status) {
        if (status.get("verifiedWallets") instanceof List<?> wallets) {
            for (Object entry : wallets) {
                if (entry instanceof Map<?, ?> wallet) {
                    LOG.info("Approving wallet {} on {} for user {}", wallet.get("address"), wallet.get("chain"),
                            status.get("userId"));
                    approved.add(String.valueOf(wallet.get("address")));
                }
            }
        }
    }

    /** The addresses approved so far. */
    public List<String> approved() {
        return List.copyOf(approved);
    }
}
