package org.wcl4j.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Copies the log into {@code run.log} in a run directory while the command works on the run: from
 * resuming it (when it is resumed) through training to its end, org.wcl4j at INFO and everything
 * else at WARN, as configured in {@code logback.xml}. The terminal keeps showing only warnings and
 * errors. {@link #record} writes into {@code run.log} alone, for what the command line tells the
 * terminal itself: why a run stopped.
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

    /** An attachment that writes nothing, for a directory that is not a run directory. */
    static RunLog none() {
        return new RunLog(null, null);
    }

    /**
     * Writes one event into {@code run.log} only, not to the terminal. Safe to call from a shutdown
     * hook: a stopped appender drops the event.
     *
     * @param error its stack trace goes into the file too; may be null
     */
    void record(Level level, String message, @Nullable Throwable error) {
        if (context != null && appender != null) {
            Logger logger = context.getLogger(RunLog.class);
            appender.doAppend(new LoggingEvent(Logger.FQCN, logger, level, message, error, null));
        }
    }

    @Override
    public void close() {
        if (context != null && appender != null) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
            appender.stop();
        }
    }
}
