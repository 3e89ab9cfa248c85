/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Captures every log line, stack traces included, while open, with the given loggers turned up to TRACE. Shared with
 * the vendor modules' tests through this module's test jar.
 */
public final class LogCapture implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Map<String, Level> previousLevels = new HashMap<>();
    private final Appender appender;
    private final LoggerContext loggerContext;

    public LogCapture(String... traceLoggers) {
        loggerContext = (LoggerContext) LogManager.getContext(false);
        Configuration config = loggerContext.getConfiguration();
        appender = new Appender(PatternLayout.newBuilder().withConfiguration(config)
                .withPattern("%level %c [%t] %m%n%throwable").build());
        appender.start();
        config.addAppender(appender);
        config.getRootLogger().addAppender(appender, Level.ALL, null);
        for (String logger : traceLoggers) {
            previousLevels.put(logger, config.getLoggerConfig(logger).getLevel());
            Configurator.setLevel(logger, Level.TRACE);
        }
        loggerContext.updateLoggers();
    }

    /** Every line captured so far, each with its stack trace if it had one. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        Configuration config = loggerContext.getConfiguration();
        config.getRootLogger().removeAppender(appender.getName());
        previousLevels.forEach(Configurator::setLevel);
        loggerContext.updateLoggers();
        appender.stop();
    }

    private final class Appender extends AbstractAppender {
        Appender(PatternLayout layout) {
            super("capture-" + System.identityHashCode(LogCapture.this), null, layout, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            lines.add(((PatternLayout) getLayout()).toSerializable(event));
        }
    }
}
