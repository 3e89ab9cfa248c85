/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.camelsse.component.sse.connection.StreamCounters;
import io.camelsse.component.sse.support.ObservedConsumer;
import io.camelsse.component.sse.support.StreamSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Micrometer is optional: with it off the class path, binding meters does nothing and fails nothing, even when a
 * registry-like bean is there. The metrics classes are loaded by a class loader that cannot see Micrometer.
 */
class SseMetricsWithoutMicrometerTest {

    @Test
    void withoutMicrometerBindingDoesNothing() throws Exception {
        CamelContext context = new DefaultCamelContext();
        // were Micrometer visible, this registry would get meters
        context.getRegistry().bind("meters", new SimpleMeterRegistry());
        try (WithoutMicrometer loader = new WithoutMicrometer()) {
            Class<?> metrics = loader.loadClass(SseMetrics.class.getName());
            assertThat(metrics.getClassLoader()).isSameAs(loader);
            Method bind = metrics.getMethod("bind", CamelContext.class, ObservedConsumer.class);

            Object binding = bind.invoke(null, context, new Stub());

            assertThat(binding).isSameAs(metrics.getField("NONE").get(null));
            assertThat(loader.refused).as("Micrometer was looked for, and not found").isTrue();
            assertThat(loader.defined).as("the class that names Micrometer types is never loaded")
                    .contains(SseMetrics.class.getName()).doesNotContain(SseMeters.class.getName());
        }
    }

    @Test
    void withMicrometerTheSameCallRegistersMeters() {
        CamelContext context = new DefaultCamelContext();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        context.getRegistry().bind("meters", registry);

        SseMetrics.bind(context, new Stub());

        assertThat(registry.getMeters()).isNotEmpty();
    }

    /** Defines the metrics classes itself and refuses every Micrometer class; the rest comes from the parent. */
    private static final class WithoutMicrometer extends ClassLoader implements AutoCloseable {
        volatile boolean refused;
        final Set<String> defined = ConcurrentHashMap.newKeySet();

        WithoutMicrometer() {
            super(SseMetricsWithoutMicrometerTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("io.micrometer.")) {
                    refused = true;
                    throw new ClassNotFoundException(name);
                }
                if (!name.startsWith(SseMetrics.class.getPackageName() + ".")
                    || name.contains("WithoutMicrometerTest")) {
                    return super.loadClass(name, resolve);
                }
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = define(name);
                }
                return loaded;
            }
        }

        private Class<?> define(String name) throws ClassNotFoundException {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                defined.add(name);
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }

        @Override
        public void close() {
        }
    }

    private static final class Stub implements ObservedConsumer {
        private final StreamCounters counters = new StreamCounters();

        @Override
        public String getRouteId() {
            return "r";
        }

        @Override
        public String componentName() {
            return "sse";
        }

        @Override
        public StreamSnapshot streamSnapshot() {
            return StreamSnapshot.of("r", "sse", null, null, counters);
        }

        @Override
        public StreamCounters streamCounters() {
            return counters;
        }

        @Override
        public void reconnect() {
        }
    }
}
