/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A self-signed EC P-256 certificate for the simulator's TLS, made in memory with the JDK alone. Netty's own
 * generator needs BouncyCastle or JDK internals that Java 17 and newer no longer open, so the few DER
 * structures of an X.509 v3 certificate are written here. The certificate names {@code localhost},
 * {@code 127.0.0.1} and {@code ::1} (and the bind host) as subject alternative names, so clients that check
 * the host name accept it on loopback.
 */
final class SelfSignedCertificate {

    static final String KEY_ALIAS = "simulator";

    private static final byte[] OID_ECDSA_WITH_SHA256 = {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x04, 0x03, 0x02};
    private static final byte[] OID_COMMON_NAME = {0x55, 0x04, 0x03};
    private static final byte[] OID_SUBJECT_ALT_NAME = {0x55, 0x1d, 0x11};
    private static final byte[] OID_BASIC_CONSTRAINTS = {0x55, 0x1d, 0x13};
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private final X509Certificate certificate;
    private final KeyPair keyPair;
    private final char[] password;

    private SelfSignedCertificate(X509Certificate certificate, KeyPair keyPair, char[] password) {
        this.certificate = certificate;
        this.keyPair = keyPair;
        this.password = password;
    }

    /** A new key pair and a certificate for these host names and IP addresses, valid from a day ago for ten years. */
    static SelfSignedCertificate create(String... hosts) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keyPair = generator.generateKeyPair();
            Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
            names.addAll(List.of(hosts));
            byte[] tbs = tbsCertificate(keyPair, names);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keyPair.getPrivate());
            signer.update(tbs);
            byte[] der = sequence(tbs, sequence(oid(OID_ECDSA_WITH_SHA256)), bitString(signer.sign()));
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            char[] password = Long.toHexString(new SecureRandom().nextLong()).toCharArray();
            return new SelfSignedCertificate(cert, keyPair, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not make a self-signed certificate: " + e.getMessage(), e);
        }
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** The private key and the certificate as a PKCS#12 key store, protected by {@link #password()}. */
    byte[] keyStorePkcs12() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(KEY_ALIAS, keyPair.getPrivate(), password, new java.security.cert.Certificate[] {certificate});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not store the simulator's key: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String password() {
        return new String(password);
    }

    /** The certificate as PEM text ({@code -----BEGIN CERTIFICATE-----} ...). */
    String certificatePem() {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] tbsCertificate(KeyPair keyPair, Set<String> names) {
        byte[] name = sequence(set(sequence(oid(OID_COMMON_NAME), utf8String("Camel SSE simulator"))));
        Instant now = Instant.now();
        byte[] validity = sequence(utcTime(now.minus(Duration.ofDays(1))), utcTime(now.plus(Duration.ofDays(3650))));
        byte[] serial = integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE));
        byte[] version = tagged(0xa0, integer(BigInteger.TWO));
        byte[] extensions = tagged(0xa3, sequence(
                sequence(oid(OID_BASIC_CONSTRAINTS), octetString(sequence())),
                sequence(oid(OID_SUBJECT_ALT_NAME), octetString(subjectAltNames(names)))));
        return sequence(version, serial, sequence(oid(OID_ECDSA_WITH_SHA256)), name, validity, name,
                keyPair.getPublic().getEncoded(), extensions);
    }

    private static byte[] subjectAltNames(Set<String> names) {
        List<byte[]> entries = new ArrayList<>();
        for (String n : names) {
            if (isIpLiteral(n)) {
                try {
                    entries.add(tagged(0x87, InetAddress.getByName(n).getAddress()));
                } catch (UnknownHostException e) {
                    throw new IllegalArgumentException("not an IP address: " + n, e);
                }
            } else if (!n.isBlank()) {
                entries.add(tagged(0x82, n.getBytes(StandardCharsets.US_ASCII)));
            }
        }
        return sequence(entries.toArray(new byte[0][]));
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    // ---- DER ----------------------------------------------------------------------------------

    private static byte[] sequence(byte[]... parts) {
        return tagged(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tagged(0x31, concat(parts));
    }

    private static byte[] integer(BigInteger value) {
        return tagged(0x02, value.toByteArray());
    }

    private static byte[] oid(byte[] encoded) {
        return tagged(0x06, encoded);
    }

    private static byte[] utf8String(String s) {
        return tagged(0x0c, s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] utcTime(Instant t) {
        return tagged(0x17, UTC_TIME.format(t).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] octetString(byte[] content) {
        return tagged(0x04, content);
    }

    private static byte[] bitString(byte[] content) {
        byte[] withUnusedBits = new byte[content.length + 1];
        System.arraycopy(content, 0, withUnusedBits, 1, content.length);
        return tagged(0x03, withUnusedBits);
    }

    private static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else {
            int bytes = len > 0xffffff ? 4 : len > 0xffff ? 3 : len > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(len >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
