/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.demo;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for the business step a verified KYC session unlocks: here it only logs the wallets it would approve.
 * The route calls it as the bean {@code walletApproval} with the status event converted to a {@code Map}.
 */
public final class WalletApproval {

    private static final Logger LOG = LoggerFactory.getLogger("wallet");

    private final DemoTracker tracker;

    public WalletApproval(DemoTracker tracker) {
        this.tracker = tracker;
    }

    /** Approves every verified wallet of a completed session; returns how many. */
    public int approve(Map<String, Object> status) {
        Object wallets = status.get("verifiedWallets");
        if (!(wallets instanceof List<?> list) || list.isEmpty()) {
            LOG.info("Session {} is verified but has no verified wallet: nothing to approve", status.get("sessionId"));
            return 0;
        }
        int approved = 0;
        for (Object entry : list) {
            if (entry instanceof Map<?, ?> wallet) {
                String address = String.valueOf(wallet.get("address"));
                String chain = String.valueOf(wallet.get("chain"));
                LOG.info("APPROVED wallet {} on {} for user {} (mock step: a real app would call its own service)",
                        address, chain, status.get("userId"));
                tracker.walletApproved(address, chain);
                approved++;
            }
        }
        return approved;
    }
}
