package org.wcl4j.cli;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcl4j.core.registry.PluginRegistry;
import org.wcl4j.core.run.CheckpointException;
import org.wcl4j.core.run.RunOptions;
import org.wcl4j.core.run.RunSummary;
import org.wcl4j.core.run.TrainingRun;
import org.wcl4j.report.LinePlot;
import org.wcl4j.report.MetricsCsv;

/**
 * Runs a {@link TrainingRun} the way the commands show it: progress on the terminal, the log copied
 * into the run directory, and the training curves drawn into {@code plots/loss.png} at the end. A
 * run that stops early says where it stopped and how to continue, in {@code run.log} and on the
 * terminal.
 */
final class RunDriver {

    /** Where the loss curves go, relative to the run directory. */
    static final Path LOSS_PLOT = Path.of("plots", "loss.png");

    /** The Markdown report the command line writes into a run directory. */
    static final String REPORT = "report.md";

    /** The file a run writes last, with its final numbers. */
    static final String SUMMARY = "summary.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Logger log = LoggerFactory.getLogger(RunDriver.class);

    private RunDriver() {}

    /**
     * What a finished {@link #execute} reports.
     *
     * @param summary the run's final numbers
     * @param lossPlot the PNG of the training curves, when it could be drawn
     */
    record Outcome(RunSummary summary, Optional<Path> lossPlot) {}

    /**
     * A run that stopped with an error after its directory was made. {@link ErrorHandler} prints
     * the cause as it would alone, then the {@link #note}.
     */
    static final class Failure extends RuntimeException {
        private final String note;

        Failure(String note, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.note = note;
        }

        /** Where the run directory is and how to go on. */
        String note() {
            return note;
        }
    }

    /**
     * Trains a new run to its end.
     *
     * @param err the terminal's error stream, for progress
     * @throws Failure when training fails, saying where the run directory is
     */
    static Outcome execute(TrainingRun run, PrintWriter err) {
        RunSummary summary;
        try (RunLog runLog = RunLog.attach(run.directory())) {
            summary = train(run, runLog, err);
        }
        return finish(summary, err);
    }

    /**
     * Continues a run from its latest checkpoint to its end; {@code run.log} records the resume
     * too.
     *
     * @throws Failure when training fails, saying where the run directory is
     */
    static Outcome resume(
            Path directory, PluginRegistry registry, RunOptions options, PrintWriter err) {
        // a directory that is no run gets no run.log; resume says what it expected
        boolean isRun = Files.isRegularFile(directory.resolve("config.yaml"));
        RunSummary summary;
        try (RunLog runLog = isRun ? RunLog.attach(directory) : RunLog.none()) {
            TrainingRun run;
            try {
                run = TrainingRun.resume(directory, registry, options);
            } catch (RuntimeException e) {
                runLog.record(Level.ERROR, "could not resume " + directory, e);
                throw e;
            }
            summary = train(run, runLog, err);
        }
        return finish(summary, err);
    }

    /**
     * Trains with progress on the terminal, reporting an interruption, and records a failure in
     * {@code run.log}.
     */
    private static RunSummary train(TrainingRun run, RunLog runLog, PrintWriter err) {
        Path directory = run.directory();
        TrainingProgress progress =
                new TrainingProgress(
                        err,
                        TrainingProgress.consoleIsInteractive(),
                        directory.getFileName().toString().replaceFirst("-\\d{8}-\\d{6}$", ""));
        RunInterruption interruption =
                new RunInterruption(
                                directory, run::checkpointedEpochs, progress, runLog, System.err)
                        .watch();
        try (progress;
                interruption) {
            return run.execute(progress);
        } catch (RuntimeException e) {
            String where = Reports.path(directory);
            String note;
            if (e instanceof CheckpointException) {
                note = "run directory: " + where + " (its log: run.log)";
            } else {
                note =
                        "run directory: "
                                + where
                                + " (its log: run.log); training stopped "
                                + RunInterruption.whereItStopped(
                                        directory, interruption.checkpoint(), progress);
            }
            runLog.record(Level.ERROR, "training stopped: " + e.getMessage(), e);
            throw new Failure(note, e);
        }
    }

    /**
     * Checks that new run directories can be made under {@code root}, making it when missing, so
     * that a bad {@code --runs} fails before any data is loaded.
     *
     * @throws IllegalArgumentException saying what was found there and to choose another {@code
     *     --runs}
     */
    static void requireRunsDirectory(Path root) {
        // the nearest part of the path that exists must be a directory
        Path absolute = root.toAbsolutePath();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        String found = null;
        if (existing != null && !Files.isDirectory(existing)) {
            found = existing.equals(absolute) ? "a file" : "a file in its way, " + existing;
        } else {
            try {
                Files.createDirectories(root);
                // the way to be sure across permissions, read-only mounts and full disks
                Files.delete(Files.createTempFile(root, ".wcl4j-", ".probe"));
            } catch (IOException e) {
                found = "that it cannot be written to (" + reason(e) + ")";
            }
        }
        if (found != null) {
            throw new IllegalArgumentException(
                    "expected a writable directory for runs at "
                            + root
                            + ", found "
                            + found
                            + "; choose another with --runs DIR");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Draws the figures and writes the report of a finished run. */
    private static Outcome finish(RunSummary summary, PrintWriter err) {
        Optional<Path> lossPlot = drawLossCurves(summary.directory(), err);
        drawTrainingFigures(summary, err);
        writeReport(summary, err);
        return new Outcome(summary, lossPlot);
    }

    /**
     * Writes the report and figures of a finished run again when its {@code report.md} is missing:
     * a run stopped after its {@code summary.json} was written but before its report was.
     *
     * @return whether anything was written
     */
    static boolean completeFinished(Path directory, PrintWriter err) {
        if (Files.isRegularFile(directory.resolve(REPORT))) {
            return false;
        }
        Optional<RunSummary> summary = finishedSummary(directory);
        if (summary.isEmpty()) {
            return false;
        }
        finish(summary.get(), err);
        return true;
    }

    /**
     * The summary of a run that has finished, read from its {@code summary.json} (written last, so
     * its presence means the run finished).
     *
     * @return empty when the directory holds no {@code summary.json}
     * @throws UncheckedIOException when the file exists but cannot be read
     */
    static Optional<RunSummary> finishedSummary(Path directory) {
        Path file = directory.resolve(SUMMARY);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode json = JSON.readTree(file.toFile());
            return Optional.of(
                    new RunSummary(
                            directory,
                            metrics(json.path("before")),
                            metrics(json.path("after")),
                            json.path("finalLoss").asDouble(Double.NaN),
                            json.path("imagesPerSecond").asDouble(Double.NaN),
                            json.path("steps").asInt(0),
                            json.path("seconds").asDouble(Double.NaN)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    private static Map<String, Double> metrics(JsonNode object) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            metrics.put(entry.getKey(), entry.getValue().asDouble(Double.NaN));
        }
        return metrics;
    }

    /**
     * Writes {@code report.md} from the run's files: its summary, the epoch means of its latest
     * checkpoint, the results of later evaluations and every PNG in {@code plots/} (the loss curves
     * first). Like the plots, a failure is reported, not thrown.
     */
    static void writeReport(RunSummary summary, PrintWriter err) {
        Path directory = summary.directory();
        Path report = directory.resolve(REPORT);
        try {
            String text =
                    Reports.runReport(
                            summary,
                            plots(directory),
                            RunFigures.epochMetrics(directory),
                            RunFigures.laterEvaluations(directory));
            Files.writeString(report, text, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            log.debug("could not write {}", report, e);
            err.println("note: could not write " + report + ": " + e.getMessage());
            err.flush();
        }
    }

    /** The PNG files in {@code plots/}: the loss curves, then the others by name. */
    private static List<Path> plots(Path directory) throws IOException {
        Path folder = directory.resolve("plots");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".png"))
                    .sorted(
                            Comparator.comparing((Path f) -> !f.endsWith(LOSS_PLOT.getFileName()))
                                    .thenComparing(f -> f.getFileName().toString()))
                    .toList();
        }
    }

    /**
     * Draws {@code plots/weak-labels.png} (when the run has a labeller) and {@code
     * plots/evaluation.png} (when it was evaluated at least twice). Reported, not thrown.
     */
    static void drawTrainingFigures(RunSummary summary, PrintWriter err) {
        Path directory = summary.directory();
        try {
            Path metrics = directory.resolve("metrics.csv");
            if (Files.isRegularFile(metrics)) {
                Optional<LinePlot> weak = RunFigures.weakLabelCurves(MetricsCsv.read(metrics));
                if (weak.isPresent()) {
                    weak.get().writePng(directory.resolve(RunFigures.WEAK_LABEL_PLOT), 900, 540);
                }
            }
            Optional<LinePlot> evaluation =
                    RunFigures.evaluationCurves(summary, RunFigures.epochMetrics(directory));
            if (evaluation.isPresent()) {
                evaluation.get().writePng(directory.resolve(RunFigures.EVALUATION_PLOT), 900, 540);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("could not draw the figures of {}", directory, e);
            err.println("note: could not draw the figures of " + directory + ": " + e.getMessage());
            err.flush();
        }
    }

    /**
     * Draws {@code plots/loss.png} from the run's {@code metrics.csv}. A run that cannot be drawn
     * (no metrics yet) still counts as trained, so a failure here is reported, not thrown.
     */
    static Optional<Path> drawLossCurves(Path directory, PrintWriter err) {
        Path metrics = directory.resolve("metrics.csv");
        Path png = directory.resolve(LOSS_PLOT);
        try {
            if (!Files.isRegularFile(metrics)) {
                throw new IOException("no metrics.csv in " + directory);
            }
            LinePlot.lossCurves(MetricsCsv.read(metrics)).writePng(png, 900, 540);
            return Optional.of(png);
        } catch (IOException | IllegalArgumentException e) {
            log.debug("could not draw the loss curves of {}", directory, e);
            err.println("note: could not draw " + png + ": " + e.getMessage());
            err.flush();
            return Optional.empty();
        }
    }
}
