package org.wcl4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.wcl4j.core.config.RunConfig;
import org.wcl4j.core.registry.PluginRegistry;
import org.wcl4j.core.run.RunOptions;
import org.wcl4j.core.run.RunSummary;
import org.wcl4j.core.run.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wcl4j quickstart}: trains the shipped {@code quickstart.yaml} (WCL on a Fashion-MNIST
 * subset) and shows what training did to the encoder: its kNN accuracy on the test images before
 * and after, the change, the training time and the run directory.
 */
@Command(
        name = "quickstart",
        description = {
            "Train WCL on a Fashion-MNIST subset and compare kNN accuracy before and after.",
            "Runs the shipped quickstart config; `wcl4j configs quickstart` prints it."
        })
final class QuickstartCommand implements Callable<Integer> {

    /** The files of the Fashion-MNIST IDX format; each may also be gzip-compressed. */
    static final List<String> FASHION_MNIST_FILES =
            List.of(
                    "train-images-idx3-ubyte",
                    "train-labels-idx1-ubyte",
                    "t10k-images-idx3-ubyte",
                    "t10k-labels-idx1-ubyte");

    @Spec private CommandSpec spec;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description =
                    "Override a value of quickstart.yaml, e.g. training.epochs=2. Repeatable.")
    private List<String> overrides = new ArrayList<>();

    @Option(
            names = "--runs",
            paramLabel = "DIR",
            defaultValue = "runs",
            description = "Where the run directory goes (default: ${DEFAULT-VALUE}).")
    private Path runsRoot = Path.of("runs");

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunConfig config = ConfigSource.load("quickstart", overrides);
        requireFashionMnist(config);
        RunDriver.requireRunsDirectory(runsRoot);

        // train
        TrainingRun run =
                TrainingRun.create(
                        config,
                        runsRoot,
                        PluginRegistry.discover(),
                        RunOptions.defaults().withCommandLine(Wcl4jCommand.invocation(spec)));
        err.printf(
                Locale.ROOT,
                "quickstart: %s on %s, epochs: %d, batch: %d, run directory: %s%n",
                config.labeller().isPresent() ? "WCL" : "training",
                describe(config),
                config.training().epochs(),
                config.training().batchSize(),
                Reports.path(run.directory()));
        err.flush();
        RunDriver.Outcome outcome = RunDriver.execute(run, err);
        RunSummary summary = outcome.summary();

        // report
        out.println();
        out.println("kNN accuracy (%) of the same encoder on the test images, before and after:");
        out.println();
        out.print(Reports.evaluation(summary).render());
        out.println();
        out.printf(
                Locale.ROOT,
                "training time   %s (%.1f images/s)%n",
                Reports.duration(summary.seconds()),
                summary.imagesPerSecond());
        out.println("run directory   " + Reports.path(run.directory()));
        outcome.lossPlot().ifPresent(png -> out.println("loss curves     " + Reports.path(png)));
        out.flush();
        return 0;
    }

    /**
     * Fails with what to do when the config reads Fashion-MNIST from a directory that lacks its
     * files, before any time is spent building the network.
     */
    static void requireFashionMnist(RunConfig config) {
        if (!config.dataset().name().equals("fashion-mnist")) {
            return;
        }
        Object setting = config.dataset().settings().get("directory");
        Path directory =
                Path.of(setting == null ? "/usr/share/datasets/fashion-mnist" : setting.toString());
        List<String> missing = new ArrayList<>();
        for (String file : FASHION_MNIST_FILES) {
            if (!Files.isRegularFile(directory.resolve(file))
                    && !Files.isRegularFile(directory.resolve(file + ".gz"))) {
                missing.add(file + ".gz");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "Fashion-MNIST is missing from "
                            + directory
                            + " (expected "
                            + String.join(", ", missing)
                            + "). Install it with `sudo apt-get install dataset-fashion-mnist`"
                            + " (./wcl4j does this when it starts), or point"
                            + " --set dataset.settings.directory=DIR at a copy.");
        }
    }

    private static String describe(RunConfig config) {
        Object limit = config.dataset().settings().get("trainLimit");
        boolean all = limit == null || limit.toString().equals("0");
        return config.dataset().name() + (all ? "" : " (" + limit + " training images)");
    }
}
