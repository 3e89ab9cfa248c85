/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.predicate;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A wallet connected to a Predicate session, as listed in {@code verifiedWallets} and {@code unverifiedWallets}.
 * Immutable.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "id", "address", "chain" })
public final class Wallet {

    private final String id;
    private final String address;
    private final String chain;

    @JsonCreator
    public Wallet(@JsonProperty("id") String id, @JsonProperty("address") String address,
                  @JsonProperty("chain") String chain) {
        this.id = id;
        this.address = address;
        this.chain = chain;
    }

    /** The wallet's ID at Predicate. */
    public String getId() {
        return id;
    }

    /** The wallet address, such as {@code 0x1234...}. */
    public String getAddress() {
        return address;
    }

    /** The chain, such as {@code ethereum}. */
    public String getChain() {
        return chain;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Wallet other && Objects.equals(id, other.id) && Objects.equals(address, other.address)
                && Objects.equals(chain, other.chain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, address, chain);
    }

    @Override
    public String toString() {
        return "Wallet[id=" + id + ", address=" + address + ", chain=" + chain + "]";
    }
}
