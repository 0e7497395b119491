package org.wcl4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.wcl4j.core.config.RunConfig;
import org.wcl4j.core.registry.PluginRegistry;
import org.wcl4j.core.run.RunOptions;
import org.wcl4j.core.run.RunSummary;
import org.wcl4j.core.run.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wcl4j train CONFIG [--set k=v]... [--runs DIR]} trains a config into a new run directory;
 * {@code wcl4j train --resume RUNDIR} continues a run from its last checkpoint. Either way it ends
 * with the evaluation table and the run directory.
 */
@Command(
        name = "train",
        description = {
            "Train a config into a new run directory, or resume a run from its last checkpoint.",
            "CONFIG is a YAML file or a shipped config: quickstart, simclr, wcl."
        })
final class TrainCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Parameters(
            arity = "0..1",
            paramLabel = "CONFIG",
            description = "A YAML file or the name of a shipped config.")
    private @Nullable String config;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description =
                    "Override a config value before validation, e.g. training.epochs=3 or"
                            + " losses.0.weight=0.5. Repeatable.")
    private List<String> overrides = new ArrayList<>();

    @Option(
            names = "--runs",
            paramLabel = "DIR",
            defaultValue = "runs",
            description = "Where new run directories go (default: ${DEFAULT-VALUE}).")
    private Path runsRoot = Path.of("runs");

    @Option(
            names = "--resume",
            paramLabel = "RUNDIR",
            description = "Continue this run directory from its last checkpoint.")
    private @Nullable Path resume;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunOptions options = RunOptions.defaults().withCommandLine(Wcl4jCommand.invocation(spec));

        // a new run from a config, or an existing run directory; train, then report
        RunDriver.Outcome outcome;
        PluginRegistry registry = PluginRegistry.discover();
        if (resume != null) {
            if (config != null || !overrides.isEmpty()) {
                throw new IllegalArgumentException(
                        "--resume continues a run with the config.yaml in its directory; expected"
                                + " no CONFIG and no --set with it, found "
                                + (config != null
                                        ? "CONFIG '" + config + "'"
                                        : "--set " + overrides));
            }
            Optional<RunSummary> finished = RunDriver.finishedSummary(resume);
            if (finished.isPresent()) {
                if (RunDriver.completeFinished(resume, err)) {
                    err.println(
                            "its report and figures were missing (it was stopped while writing"
                                    + " them); they are written again");
                }
                out.printf(
                        Locale.ROOT,
                        "The run in %s had already finished all %d steps; nothing to resume."
                                + " Its results:%n%n",
                        Reports.path(resume),
                        finished.get().steps());
                report(out, finished.get(), Optional.empty());
                return 0;
            }
            outcome = RunDriver.resume(resume, registry, options, err);
        } else if (config != null) {
            RunConfig loaded = ConfigSource.load(config, overrides);
            RunDriver.requireRunsDirectory(runsRoot);
            TrainingRun run = TrainingRun.create(loaded, runsRoot, registry, options);
            outcome = RunDriver.execute(run, err);
        } else {
            throw new IllegalArgumentException(
                    "expected a CONFIG to train (a YAML file or one of "
                            + ConfigSource.SHIPPED
                            + ") or --resume RUNDIR, found neither");
        }

        report(out, outcome.summary(), outcome.lossPlot());
        return 0;
    }

    /** The evaluation table, the run's totals and where its files are. */
    private static void report(PrintWriter out, RunSummary summary, Optional<Path> lossPlot) {
        out.print(Reports.evaluation(summary).render());
        out.println();
        out.printf(
                Locale.ROOT,
                "steps: %d, final loss: %.4f, %.1f images/s, time: %s%n",
                summary.steps(),
                summary.finalLoss(),
                summary.imagesPerSecond(),
                Reports.duration(summary.seconds()));
        out.println("run directory: " + Reports.path(summary.directory()));
        lossPlot.ifPresent(png -> out.println("loss curves: " + Reports.path(png)));
        out.flush();
    }
}
