/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.simulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * JUnit 5 extension that runs an {@link SseSimulator} on a free port of 127.0.0.1.
 *
 * <pre>{@code
 * @RegisterExtension
 * static SseSimulatorExtension SIM = new SseSimulatorExtension(b -> b.keepAliveInterval(Duration.ofMillis(200)));
 *
 * @Test
 * void completes(SseSimulator sim) { ... sim.baseUrl() ... }
 * }</pre>
 *
 * <ul>
 *   <li>Registered on a {@code static} field (or with {@code @ExtendWith}), the simulator starts before
 *       the class's {@code @BeforeAll} methods and stops after its {@code @AfterAll} methods.
 *       Registered on an instance field, it starts and stops around each test.</li>
 *   <li>Before each test (so before its {@code @BeforeEach} methods) it calls {@link SseSimulator#reset()}:
 *       every open stream is dropped, Predicate sessions and the AidenID event log are gone, faults are
 *       cleared, counters and recorded requests are emptied, and the settings changed at run time go back
 *       to the builder's. Set up sessions in the test or in {@code @BeforeEach}, not in {@code @BeforeAll};
 *       or turn this off with {@link #resetBeforeEachTest(boolean)}.</li>
 *   <li>Test, lifecycle and constructor parameters of type {@link SseSimulator} are injected.</li>
 * </ul>
 */
public final class SseSimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Consumer<SseSimulator.Builder> configuration;
    private volatile boolean resetBeforeEachTest = true;
    private SseSimulator simulator;
    private String owner;

    /** A simulator with default settings (keep-alive every 15 s). */
    public SseSimulatorExtension() {
        this(b -> {
        });
    }

    /** A simulator configured by this function; {@code port} stays 0 unless it sets one. */
    public SseSimulatorExtension(Consumer<SseSimulator.Builder> configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    /** Whether to {@link SseSimulator#reset()} before each test (default true). */
    public SseSimulatorExtension resetBeforeEachTest(boolean reset) {
        this.resetBeforeEachTest = reset;
        return this;
    }

    /** The running simulator (started now if the extension has not started it yet). */
    public synchronized SseSimulator simulator() {
        if (simulator == null) {
            SseSimulator.Builder b = SseSimulator.builder();
            configuration.accept(b);
            simulator = b.build().start();
        }
        return simulator;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return simulator().baseUrl();
    }

    public int port() {
        return simulator().port();
    }

    public PredicateSessions predicate() {
        return simulator().predicate();
    }

    public AidenIdEvents aidenId() {
        return simulator().aidenId();
    }

    public Faults faults() {
        return simulator().faults();
    }

    public Stats stats() {
        return simulator().stats();
    }

    public List<RecordedRequest> requests() {
        return simulator().requests();
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (owner == null) {
            owner = context.getUniqueId();
            simulator();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (context.getUniqueId().equals(owner)) {
            stop();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        boolean fresh;
        synchronized (this) {
            fresh = owner == null;
            if (fresh) {
                owner = context.getUniqueId();
            }
        }
        SseSimulator sim = simulator();
        if (!fresh && resetBeforeEachTest) {
            sim.reset();
            // a test that stopped listening and failed before it listened again must not leave the next one refused
            sim.startListening();
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (context.getUniqueId().equals(owner)) {
            stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == SseSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return simulator();
    }

    private void stop() {
        owner = null;
        if (simulator != null) {
            try {
                simulator.close();
            } finally {
                simulator = null;
            }
        }
    }
}
