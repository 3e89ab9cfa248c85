/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.examples.springboot;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelsse.component.predicate.PredicateStatusEvent;
import io.camelsse.component.predicate.Wallet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** A stand-in for the step a verified KYC session unlocks: keeps the wallets it would approve. */
@Service
public class WalletApprovals {

    private static final Logger LOG = LoggerFactory.getLogger(WalletApprovals.class);

    private final List<String> approved = new CopyOnWriteArrayList<>();

    /** Called with the status event of a completed session, the body of a {@code predicate-sse} exchange. */
    public void approve(PredicateStatusEvent status) {
        for (Wallet wallet : status.getVerifiedWallets()) {
            LOG.info("Approving wallet {} on {} for user {} (a real application would call its own service)",
                    wallet.getAddress(), wallet.getChain(), status.getUserId());
            approved.add(wallet.getAddress());
        }
    }

    /** The addresses approved so far. */
    public List<String> approved() {
        return List.copyOf(approved);
    }
}
