package org.wcl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the shutdown hook of a training run says when the JVM stops before the run finishes. */
class RunInterruptionTest {

    @TempDir Path run;

    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();

    private TrainingProgress progressAt(int stepsDone, int totalSteps) {
        TrainingProgress progress =
                new TrainingProgress(new PrintWriter(new StringWriter()), false, "tiny");
        progress.runStarted(run, totalSteps, 0);
        progress.stepFinished(stepsDone - 1, 1, 1.5, 100);
        return progress;
    }

    private String printed() {
        return terminal.toString(StandardCharsets.UTF_8);
    }

    @Test
    void interruptionNamesTheStepTheCheckpointAndTheCommandToContinue() {
        String expected =
                "interrupted at step 11 of 24; the last checkpoint is after epoch 1; continue"
                        + " with: wcl4j train --resume "
                        + Reports.path(run);
        try (RunLog runLog = RunLog.attach(run)) {
            RunInterruption interruption =
                    new RunInterruption(
                            run,
                            () -> OptionalInt.of(1),
                            progressAt(11, 24),
                            runLog,
                            new PrintStream(terminal, true, StandardCharsets.UTF_8));

            interruption.interrupted();
            interruption.interrupted();
        }

        assertThat(printed()).isEqualTo(expected + System.lineSeparator());
        assertThat(run.resolve(RunLog.FILE_NAME)).content().contains("WARN").contains(expected);
    }

    @Test
    void interruptionBeforeAnyCheckpointSaysTheRunStartsOver() {
        RunInterruption interruption =
                new RunInterruption(
                        run,
                        OptionalInt::empty,
                        progressAt(3, 24),
                        RunLog.none(),
                        new PrintStream(terminal, true, StandardCharsets.UTF_8));

        interruption.interrupted();

        assertThat(printed())
                .startsWith(
                        "interrupted at step 3 of 24; no checkpoint yet, so the run will start"
                                + " over with: wcl4j train --resume ");
    }

    @Test
    void aDrivingCommandAddsItsOwnWayToGoOn() {
        String followUp = "or run the same compare again";
        RunInterruption interruption =
                RunInterruption.withFollowUp(
                        followUp,
                        () ->
                                new RunInterruption(
                                        run,
                                        () -> OptionalInt.of(1),
                                        progressAt(11, 24),
                                        RunLog.none(),
                                        new PrintStream(terminal, true, StandardCharsets.UTF_8)));
        // made outside the scope: no follow-up
        ByteArrayOutputStream plainTerminal = new ByteArrayOutputStream();
        RunInterruption plain =
                new RunInterruption(
                        run,
                        () -> OptionalInt.of(1),
                        progressAt(11, 24),
                        RunLog.none(),
                        new PrintStream(plainTerminal, true, StandardCharsets.UTF_8));

        interruption.interrupted();
        plain.interrupted();

        assertThat(printed().lines().toList())
                .containsExactly(
                        "interrupted at step 11 of 24; the last checkpoint is after epoch 1;"
                                + " continue with: wcl4j train --resume "
                                + Reports.path(run),
                        followUp);
        assertThat(plainTerminal.toString(StandardCharsets.UTF_8).lines().toList())
                .hasSize(1)
                .first()
                .asString()
                .startsWith("interrupted at step 11 of 24");
    }

    @Test
    void runThatEndedIsNotReportedAsInterrupted() {
        RunInterruption interruption =
                new RunInterruption(
                                run,
                                () -> OptionalInt.of(2),
                                progressAt(24, 24),
                                RunLog.none(),
                                new PrintStream(terminal, true, StandardCharsets.UTF_8))
                        .watch();

        interruption.close();
        interruption.interrupted();

        assertThat(printed()).isEmpty();
    }
}
