/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.camelsse.simulator.SseSimulator;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/** TLS settings that trust a simulator's self-signed certificate, through a PKCS12 trust store as a user would. */
public final class SimulatorTrust {

    private SimulatorTrust() {
    }

    /** @param dir where the trust store file is written (a test's temporary folder) */
    public static SSLContextParameters trusting(SseSimulator simulator, Path dir) throws Exception {
        Path trustStore = dir.resolve("simulator.p12");
        char[] password = "changeit".toCharArray();
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            simulator.trustStore().store(out, password);
        }
        KeyStoreParameters keyStore = new KeyStoreParameters();
        keyStore.setResource("file:" + trustStore);
        keyStore.setPassword(new String(password));
        keyStore.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(keyStore);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trustManagers);
        return tls;
    }
}
