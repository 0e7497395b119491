package org.wcl4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import org.wcl4j.core.run.RunSummary;
import org.wcl4j.core.run.TrainingRun;
import org.wcl4j.report.LinePlot;
import org.wcl4j.report.MetricsCsv;

/**
 * Runs a {@link TrainingRun} the way the commands show it: progress on the terminal, the log copied
 * into the run directory, and the training curves drawn into {@code plots/loss.png} at the end.
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
     * Trains the run to its end.
     *
     * @param err the terminal's error stream, for progress
     */
    static Outcome execute(TrainingRun run, PrintWriter err) {
        Path directory = run.directory();
        RunSummary summary;
        TrainingProgress progress =
                new TrainingProgress(
                        err,
                        TrainingProgress.consoleIsInteractive(),
                        directory.getFileName().toString().replaceFirst("-\\d{8}-\\d{6}$", ""));
        RunLog runLog = RunLog.attach(directory);
        try (progress) {
            summary = run.execute(progress);
        } finally {
            runLog.close();
        }
        Optional<Path> lossPlot = drawLossCurves(directory, err);
        drawTrainingFigures(summary, err);
        writeReport(summary, err);
        return new Outcome(summary, lossPlot);
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
