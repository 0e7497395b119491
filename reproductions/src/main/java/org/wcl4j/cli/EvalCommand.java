package org.wcl4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.api.eval.EvaluationResult;
import org.wcl4j.core.config.PluginSettings;
import org.wcl4j.core.registry.PluginFamily;
import org.wcl4j.core.registry.PluginRegistry;
import org.wcl4j.core.run.RunEvaluation;
import org.wcl4j.report.MarkdownTable;
import org.wcl4j.report.ScatterPlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wcl4j eval --run DIR --protocol NAME [--set key=value]...} evaluates the latest checkpoint
 * of a run with one protocol and prints its table. Features are computed once per checkpoint and
 * kept in the run directory, so a second protocol starts at once; results go to {@code
 * evaluations/}, and a protocol that returns a 2-D map (such as {@code tsne}) is also drawn into
 * {@code plots/<protocol>.png}.
 */
@Command(
        name = "eval",
        description = {
            "Evaluate the latest checkpoint of a run with one protocol, e.g. linear, knn, tsne.",
            "`wcl4j plugins` lists the protocols and their settings."
        })
final class EvalCommand implements Callable<Integer> {

    /** Size of the scatter plot of a 2-D map, in pixels. */
    static final int MAP_WIDTH = 900;

    static final int MAP_HEIGHT = 720;

    @Spec private CommandSpec spec;

    @Option(
            names = "--run",
            required = true,
            paramLabel = "DIR",
            description = "The run directory, as 'wcl4j train' printed it.")
    private Path run = Path.of("");

    @Option(
            names = "--protocol",
            required = true,
            paramLabel = "NAME",
            description = "The evaluation protocol, e.g. knn, linear, tsne.")
    private String protocol = "";

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description =
                    "Set one of the protocol's settings, e.g. epochs=20. Repeatable; keys left out"
                            + " take the run config's value or the default.")
    private List<String> settings = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        // restore the checkpoint and evaluate, with the log copied into the run directory
        if (!Files.isDirectory(run)) {
            throw new IllegalArgumentException(
                    "expected a run directory at "
                            + run
                            + ", found none; pass the directory that 'wcl4j train' printed");
        }
        PluginRegistry registry = PluginRegistry.discover();
        registry.provider(PluginFamily.EVALUATION, protocol);
        RunEvaluation.Outcome outcome;
        RunLog runLog = RunLog.attach(run);
        StageLines stages = new StageLines(err, TrainingProgress.consoleIsInteractive());
        try {
            RunEvaluation evaluation = RunEvaluation.open(run, registry);
            err.printf(
                    Locale.ROOT,
                    "evaluating %s after epoch %d%n",
                    Reports.path(run),
                    evaluation.checkpointEpochs());
            err.flush();
            outcome = evaluation.evaluate(protocol, settings, stages);
        } finally {
            stages.close();
            runLog.close();
        }

        // draw a 2-D map, when the protocol made one, and add the result to a finished run's report
        Optional<Path> map = drawMap(outcome, run);
        RunDriver.finishedSummary(run).ifPresent(summary -> RunDriver.writeReport(summary, err));

        // print
        EvaluationResult result = outcome.result();
        out.printf(
                Locale.ROOT,
                "%s of %s after epoch %d (%s)%n%n",
                result.protocol(),
                Reports.path(run),
                outcome.checkpointEpochs(),
                settingsLine(outcome));
        out.print(table(result).render());
        out.println();
        out.println("results: " + Reports.path(outcome.resultFile()));
        map.ifPresent(png -> out.println("map: " + Reports.path(png)));
        out.flush();
        return 0;
    }

    /** One row per metric, its value with two decimals. */
    static MarkdownTable table(EvaluationResult result) {
        MarkdownTable table = MarkdownTable.withHeader("metric", "value");
        for (Map.Entry<String, Double> metric : result.metrics().entrySet()) {
            table = table.withRow(metric.getKey(), Reports.number(metric.getValue()));
        }
        return table;
    }

    private static String settingsLine(RunEvaluation.Outcome outcome) {
        StringBuilder text = new StringBuilder();
        PluginSettings.toMap(outcome.settings())
                .forEach(
                        (key, value) ->
                                text.append(text.isEmpty() ? "" : ", ")
                                        .append(key)
                                        .append(' ')
                                        .append(value));
        return text.isEmpty() ? "no settings" : text.toString();
    }

    /** Draws {@code plots/<protocol>.png} from the result's points and their labels, if any. */
    static Optional<Path> drawMap(RunEvaluation.Outcome outcome, Path runDirectory) {
        EvaluationResult result = outcome.result();
        INDArray points = result.arrays().get(EvaluationResult.POINTS);
        INDArray labels = result.arrays().get(EvaluationResult.POINT_LABELS);
        if (points == null || labels == null) {
            return Optional.empty();
        }
        double[][] xy = points.castTo(DataType.DOUBLE).toDoubleMatrix();
        double[] x = new double[xy.length];
        double[] y = new double[xy.length];
        for (int i = 0; i < xy.length; i++) {
            x[i] = xy[i][0];
            y[i] = xy[i][1];
        }
        Path png = runDirectory.resolve(Path.of("plots", result.protocol() + ".png"));
        String title =
                String.format(
                        Locale.ROOT,
                        "%s of the encoder's features after epoch %d",
                        result.protocol(),
                        outcome.checkpointEpochs());
        try {
            new ScatterPlot(title, x, y, labels.castTo(DataType.INT).toIntVector())
                    .writePng(png, MAP_WIDTH, MAP_HEIGHT, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("could not draw " + png, e);
        }
        return Optional.of(png);
    }

    /**
     * One line on the terminal per slow stage; while the protocol runs on an interactive terminal,
     * a progress bar with the time spent (the protocol logs its own progress into {@code run.log}).
     */
    private static final class StageLines implements RunEvaluation.Listener, AutoCloseable {

        private final PrintWriter err;
        private final boolean interactive;
        private @Nullable ProgressBar bar;

        StageLines(PrintWriter err, boolean interactive) {
            this.err = err;
            this.interactive = interactive;
        }

        @Override
        public void computingFeatures(String split, int images) {
            err.printf(
                    Locale.ROOT,
                    "computing the features of the %s split (%d images)%n",
                    split,
                    images);
            err.flush();
        }

        @Override
        public void cachedFeatures(String split, int images) {
            err.printf(
                    Locale.ROOT,
                    "features of the %s split (%d images) from the cache%n",
                    split,
                    images);
            err.flush();
        }

        @Override
        public void protocolStarted(String name) {
            if (interactive) {
                bar =
                        new ProgressBarBuilder()
                                .setTaskName(name)
                                .setInitialMax(-1)
                                .setStyle(ProgressBarStyle.ASCII)
                                .setUpdateIntervalMillis(500)
                                .build();
            } else {
                err.println("running " + name);
                err.flush();
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
