package org.wcl4j.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Copies the log into {@code run.log} in a run directory while the run trains: org.wcl4j at INFO
 * and everything else at WARN, as configured in {@code logback.xml}. The terminal keeps showing
 * only warnings and errors.
 */
final class RunLog implements AutoCloseable {

    /** The log file's name inside a run directory. */
    static final String FILE_NAME = "run.log";

    private final @Nullable LoggerContext context;
    private final @Nullable FileAppender<ILoggingEvent> appender;

    private RunLog(
            @Nullable LoggerContext context, @Nullable FileAppender<ILoggingEvent> appender) {
        this.context = context;
        this.appender = appender;
    }

    /**
     * Starts appending to the run directory's log (appending, so a resumed run continues it).
     *
     * @return the attachment, to close when the run ends; does nothing when SLF4J is not bound to
     *     logback
     */
    static RunLog attach(Path runDirectory) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return new RunLog(null, null);
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{36} - %msg%n");
        encoder.start();

        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("run-" + runDirectory.getFileName());
        appender.setFile(runDirectory.resolve(FILE_NAME).toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return new RunLog(context, appender);
    }

    @Override
    public void close() {
        if (context != null && appender != null) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
            appender.stop();
        }
    }
}
