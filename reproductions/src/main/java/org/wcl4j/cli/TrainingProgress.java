package org.wcl4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;
import org.wcl4j.api.eval.EvaluationResult;
import org.wcl4j.core.run.RunListener;
import org.wcl4j.core.run.RunSummary;

/**
 * Shows a run's progress. On an interactive terminal: one progress bar over all steps of the run
 * with the epoch, the latest loss, images per second and the time left. Otherwise (output
 * redirected, tests): one line per epoch and per evaluation, so a log file stays readable.
 */
final class TrainingProgress implements RunListener, AutoCloseable {

    private final PrintWriter err;
    private final boolean interactive;
    private final String task;
    private @Nullable ProgressBar bar;
    // read by a shutdown hook too
    private volatile int totalSteps;
    private volatile int lastStep;
    private double lastLoss = Double.NaN;
    private double lastImagesPerSecond = Double.NaN;

    /**
     * @param err where progress goes when the terminal is not interactive
     * @param interactive whether to draw a progress bar on the console
     * @param task the bar's label, usually the run name
     */
    TrainingProgress(PrintWriter err, boolean interactive, String task) {
        this.err = err;
        this.interactive = interactive;
        this.task = task;
    }

    /** Whether the JVM runs in a terminal a progress bar can redraw. */
    static boolean consoleIsInteractive() {
        return System.console() != null;
    }

    /** Whether this draws a progress bar (which leaves the cursor on its line). */
    boolean interactive() {
        return interactive;
    }

    /** Steps of the whole run; 0 until the run has started. */
    int totalSteps() {
        return totalSteps;
    }

    /** Steps done, those of earlier executions included. */
    int stepsDone() {
        return lastStep;
    }

    @Override
    public void runStarted(Path directory, int totalSteps, int firstStep) {
        this.totalSteps = totalSteps;
        this.lastStep = firstStep;
        if (firstStep >= totalSteps) {
            return;
        }
        if (interactive) {
            bar =
                    new ProgressBarBuilder()
                            .setTaskName(task)
                            .setInitialMax(totalSteps)
                            .startsFrom(firstStep, Duration.ZERO)
                            .setStyle(ProgressBarStyle.ASCII)
                            .setUnit(" steps", 1)
                            .setUpdateIntervalMillis(500)
                            .build();
        } else {
            err.printf(
                    Locale.ROOT,
                    "training %s: %d steps%s%n",
                    task,
                    totalSteps,
                    firstStep > 0 ? ", resuming after step " + firstStep : "");
            err.flush();
        }
    }

    @Override
    public void stepFinished(int step, int epoch, double loss, double imagesPerSecond) {
        // the run numbers steps and epochs from 0; people count from 1
        lastStep = step + 1;
        lastLoss = loss;
        lastImagesPerSecond = imagesPerSecond;
        if (bar != null) {
            bar.stepTo(lastStep);
            bar.setExtraMessage(
                    String.format(
                            Locale.ROOT,
                            "epoch %d loss %.3f %.0f img/s",
                            epoch + 1,
                            loss,
                            imagesPerSecond));
        }
    }

    @Override
    public void epochFinished(int epoch, Map<String, Double> metrics) {
        if (bar == null) {
            err.printf(
                    Locale.ROOT,
                    "epoch %d: step %d/%d, loss %.4f, %.1f images/s%n",
                    epoch + 1,
                    lastStep,
                    totalSteps,
                    metrics.getOrDefault("loss", lastLoss),
                    metrics.getOrDefault("images/s", lastImagesPerSecond));
            err.flush();
        }
    }

    @Override
    public void evaluationStarted(String when) {
        if (bar != null) {
            bar.setExtraMessage("evaluating (" + when + ")");
        } else {
            err.println("evaluating (" + when + ")");
            err.flush();
        }
    }

    @Override
    public void evaluated(String when, EvaluationResult result) {
        if (bar == null) {
            StringBuilder line =
                    new StringBuilder("evaluated (" + when + "): " + result.protocol());
            result.metrics()
                    .forEach(
                            (name, value) ->
                                    line.append(
                                            String.format(Locale.ROOT, " %s %.2f", name, value)));
            err.println(line);
            err.flush();
        }
    }

    @Override
    public void runFinished(RunSummary summary) {
        close();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
