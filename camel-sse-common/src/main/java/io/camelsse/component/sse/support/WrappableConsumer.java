/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.support;

import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * A consumer that {@code master:} may wrap. It learns its route when it is initialised ({@link WrappedConsumers}), and
 * a wrapped one leaves the processor it was given alone when it stops: that is the route's own, which a lost
 * leadership must not stop (a resume strategy in it could not start again).
 */
public abstract class WrappableConsumer extends DefaultConsumer {

    private boolean wrapped;

    protected WrappableConsumer(Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    /** True when another consumer ({@code master:}) created this one and feeds its route. */
    protected final boolean isWrapped() {
        return wrapped;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        wrapped = WrappedConsumers.adoptRoute(this);
    }

    /** Stops the processor it was given, unless wrapped; a subclass calls this last. */
    @Override
    protected void doStop() throws Exception {
        if (!wrapped) {
            super.doStop();
        }
    }

    @Override
    protected void doShutdown() throws Exception {
        if (!wrapped) {
            super.doShutdown();
        }
    }
}
