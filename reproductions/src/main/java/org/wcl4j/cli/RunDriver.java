package org.wcl4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
        writeReport(summary, lossPlot, err);
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

    /** Writes {@code report.md}; like the plot, a failure is reported, not thrown. */
    static void writeReport(RunSummary summary, Optional<Path> lossPlot, PrintWriter err) {
        Path report = summary.directory().resolve(REPORT);
        try {
            Files.writeString(report, Reports.runReport(summary, lossPlot), StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.debug("could not write {}", report, e);
            err.println("note: could not write " + report + ": " + e.getMessage());
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
