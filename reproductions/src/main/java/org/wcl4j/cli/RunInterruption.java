package org.wcl4j.cli;

import ch.qos.logback.classic.Level;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Says where a run stopped and how to go on. While a run trains, a JVM shutdown hook stands by:
 * when the JVM is stopped before the run finishes (Ctrl-C, SIGTERM), it writes one line into {@code
 * run.log} and onto standard error, such as {@code interrupted at step 11 of 24; the last
 * checkpoint is after epoch 1; continue with: wcl4j train --resume runs/wcl-20260101-120000}. The
 * hook only reads a few fields and lists the checkpoint folder, so it cannot block the JVM's exit;
 * it prints with {@link System#err} since the logging may already be shut down.
 */
final class RunInterruption implements AutoCloseable {

    private final Path directory;
    private final Supplier<OptionalInt> checkpointedEpochs;
    private final TrainingProgress progress;
    private final RunLog runLog;
    private final PrintStream err;
    private final AtomicBoolean over = new AtomicBoolean();
    private final Thread hook = new Thread(this::interrupted, "wcl4j-interrupted");
    private final @Nullable String followUp = FOLLOW_UP.get();

    /**
     * A line a command adds after the interruption line of the runs it drives, see {@link
     * #withFollowUp}.
     */
    private static final ThreadLocal<@Nullable String> FOLLOW_UP = new ThreadLocal<>();

    /**
     * @param checkpointedEpochs the epochs done at the run's newest checkpoint, empty when none
     * @param progress the run's progress, for the step reached
     * @param err where the line goes besides {@code run.log}
     */
    RunInterruption(
            Path directory,
            Supplier<OptionalInt> checkpointedEpochs,
            TrainingProgress progress,
            RunLog runLog,
            PrintStream err) {
        this.directory = directory;
        this.checkpointedEpochs = checkpointedEpochs;
        this.progress = progress;
        this.runLog = runLog;
        this.err = err;
    }

    /** Stands by until {@link #close}: a JVM shutdown before then reports the interruption. */
    RunInterruption watch() {
        Runtime.getRuntime().addShutdownHook(hook);
        return this;
    }

    /** Reports the interruption, once; does nothing after {@link #close}. */
    void interrupted() {
        if (over.getAndSet(true)) {
            return;
        }
        String line = "interrupted " + whereItStopped(directory, checkpoint(), progress);
        runLog.record(Level.WARN, line, null);
        if (progress.interactive()) {
            // the progress bar leaves the cursor at the end of its line
            err.println();
        }
        err.println(line);
        if (followUp != null) {
            runLog.record(Level.WARN, followUp, null);
            err.println(followUp);
        }
        err.flush();
    }

    /**
     * Runs {@code body} so that every run started by it on this thread ends its interruption report
     * with {@code followUp}, a second line on how else to go on (the command that drives several
     * runs knows one that {@code train --resume} does not).
     */
    static <T> T withFollowUp(String followUp, Supplier<T> body) {
        @Nullable String outer = FOLLOW_UP.get();
        FOLLOW_UP.set(followUp);
        try {
            return body.get();
        } finally {
            if (outer == null) {
                FOLLOW_UP.remove();
            } else {
                FOLLOW_UP.set(outer);
            }
        }
    }

    /** The run ended (finished or failed): stops standing by. */
    @Override
    public void close() {
        over.set(true);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already, and the hook found the run over
        }
    }

    /** The epochs of the newest checkpoint, or empty when there is none or it cannot be told. */
    OptionalInt checkpoint() {
        try {
            return checkpointedEpochs.get();
        } catch (RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * Where a run stopped and the command that continues it, e.g. {@code at step 11 of 24; the last
     * checkpoint is after epoch 1; continue with: wcl4j train --resume DIR}.
     *
     * @param checkpointedEpochs the epochs done at the newest checkpoint, empty when none
     */
    static String whereItStopped(
            Path directory, OptionalInt checkpointedEpochs, TrainingProgress progress) {
        String where =
                progress.totalSteps() == 0
                        ? "before its first step"
                        : String.format(
                                Locale.ROOT,
                                "at step %d of %d",
                                progress.stepsDone(),
                                progress.totalSteps());
        String resume = "wcl4j train --resume " + Reports.path(directory);
        if (checkpointedEpochs.isPresent()) {
            return where
                    + "; the last checkpoint is after epoch "
                    + checkpointedEpochs.getAsInt()
                    + "; continue with: "
                    + resume;
        }
        return where + "; no checkpoint yet, so the run will start over with: " + resume;
    }
}
