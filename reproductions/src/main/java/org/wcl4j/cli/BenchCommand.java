package org.wcl4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import org.wcl4j.core.bench.BenchmarkResult;
import org.wcl4j.core.bench.StepBenchmark;
import org.wcl4j.core.config.RunConfig;
import org.wcl4j.report.MarkdownTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wcl4j bench}: times full training steps (augment, forward, label, loss, backward, update)
 * of several configs on the same batch size and prints their throughput side by side, with the
 * step-time ratio of WCL to SimCLR that the paper reports as 1.01 on GPUs, and that of WCL with 2 +
 * 6 K-NN crops to SimCLR, 1.31 in the paper's Table 4. Prints the throughput of making the views
 * beside the training throughput.
 */
@Command(
        name = "bench",
        description = {
            "Time training steps of several configs and compare them.",
            "Reports images/s, the median step time, its split into phases, and peak memory."
        })
final class BenchCommand implements Callable<Integer> {

    /** The shipped config whose step time the paper's Table 4 compares with SimCLR's. */
    static final String KNN_MULTI_CROP = "wcl-knn-multi-crop";

    @Spec private CommandSpec spec;

    @Option(
            names = "--configs",
            split = ",",
            paramLabel = "CONFIG",
            defaultValue = "simclr,wcl",
            description = "Shipped config names or YAML files (default: ${DEFAULT-VALUE}).")
    private List<String> configs = new ArrayList<>();

    @Option(
            names = "--batch",
            defaultValue = "256",
            description = "Images per batch (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(
            names = "--warmup",
            defaultValue = "2",
            description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(
            names = "--steps",
            defaultValue = "5",
            description = "Timed steps (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(
            names = "--label-batches",
            split = ",",
            paramLabel = "N",
            defaultValue = "256,4096",
            description =
                    "Also time the weak labeller alone at these batch sizes, on random"
                            + " embeddings (default: ${DEFAULT-VALUE}).")
    private List<Integer> labelBatches = new ArrayList<>();

    @Option(
            names = "--reference",
            description = {
                "Also time each config's step in PyTorch on the CPU (benchmarks/pytorch_step.py,"
                        + " same network, losses, batch and thread count) and print"
                        + " wcl4j time / PyTorch time."
            })
    private boolean reference;

    @Option(
            names = "--python",
            paramLabel = "PYTHON",
            description =
                    "Python 3 interpreter with torch for --reference (default: /usr/bin/python3"
                            + " where it exists, as Debian's python3-torch installs it, else"
                            + " python3).")
    private String python = defaultPython();

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Override a value in every config, as for train. Repeatable.")
    private List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (batch < 2 || warmup < 0 || steps < 1) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "expected --batch >= 2, --warmup >= 0 and --steps >= 1, found %d, %d"
                                    + " and %d",
                            batch,
                            warmup,
                            steps));
        }

        // load every config and check the interpreter first, so that a typo in the last config or
        // a wrong --python fails before any timing
        Map<String, RunConfig> loaded = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(overrides);
        all.add("training.batchSize=" + batch);
        for (String config : configs) {
            loaded.put(config, ConfigSource.load(config.strip(), all));
        }
        if (reference) {
            loaded.forEach(PyTorchReference::checkSupported);
            new PyTorchReference(python).checkInterpreter();
        }

        // time each config
        List<BenchmarkResult> results = new ArrayList<>();
        for (Map.Entry<String, RunConfig> config : loaded.entrySet()) {
            err.printf(
                    Locale.ROOT,
                    "benchmarking %s: %d warm-up and %d timed steps of %d images%n",
                    config.getKey(),
                    warmup,
                    steps,
                    batch);
            err.flush();
            results.add(StepBenchmark.run(config.getValue(), warmup, steps));
        }

        // the weak labeller alone, at batch sizes beyond what a step here can hold
        Map<String, Map<Integer, Double>> labelTimes = new LinkedHashMap<>();
        for (Map.Entry<String, RunConfig> config : loaded.entrySet()) {
            Map<Integer, Double> times =
                    StepBenchmark.labelTimes(config.getValue(), labelBatches, 5);
            if (!times.isEmpty()) {
                labelTimes.put(config.getValue().name(), times);
            }
        }

        // the same steps in PyTorch, after every wcl4j timing so that the two do not overlap
        List<PyTorchReference.Timing> timings = new ArrayList<>();
        if (reference) {
            int threads = Runtime.getRuntime().availableProcessors();
            PyTorchReference pytorch = new PyTorchReference(python);
            int i = 0;
            for (Map.Entry<String, RunConfig> config : loaded.entrySet()) {
                err.printf(
                        Locale.ROOT,
                        "timing %s in PyTorch (%s, %d threads)%n",
                        config.getKey(),
                        python,
                        threads);
                err.flush();
                timings.add(
                        pytorch.time(
                                config.getValue(),
                                results.get(i++).shape(),
                                warmup,
                                steps,
                                threads));
            }
        }

        out.print(table(results).render());
        labelTimes.forEach(
                (name, times) ->
                        times.forEach(
                                (n, ms) ->
                                        out.printf(
                                                Locale.ROOT,
                                                "%s: weak labels of one view at batch %d: %.1f ms"
                                                        + " (median of 5)%n",
                                                name,
                                                n,
                                                ms)));
        if (reference) {
            out.println();
            out.print(referenceTable(results, timings).render());
            out.printf(
                    Locale.ROOT,
                    "PyTorch %s on %d threads, random images of the same shape;"
                            + " ratio = wcl4j step time / PyTorch step time%n",
                    timings.get(0).torchVersion(),
                    timings.get(0).threads());
        }
        results.forEach(
                result ->
                        augmentationRate(result)
                                .ifPresent(
                                        rate ->
                                                out.printf(
                                                        Locale.ROOT,
                                                        "%s: augmentation %.0f images/s on one"
                                                                + " thread, training %.1f"
                                                                + " images/s%n",
                                                        result.name(),
                                                        rate,
                                                        result.imagesPerSecond())));
        ratio(results)
                .ifPresent(
                        r ->
                                out.printf(
                                        Locale.ROOT,
                                        "%nwcl/simclr step-time ratio: %.2f (the paper reports"
                                                + " 1.01 on GPUs)%n",
                                        r));
        ratio(results, KNN_MULTI_CROP, "simclr")
                .ifPresent(
                        r ->
                                out.printf(
                                        Locale.ROOT,
                                        "%s/simclr step-time ratio: %.2f (the paper's Table 4"
                                                + " reports 1.31 on GPUs for 2 + 6 K-NN crops)%n",
                                        KNN_MULTI_CROP,
                                        r));
        out.flush();
        return 0;
    }

    /** One row per config; the phase columns are those the first result reports, in its order. */
    static MarkdownTable table(List<BenchmarkResult> results) {
        Set<String> phases = new LinkedHashSet<>();
        results.forEach(r -> phases.addAll(r.medianPhaseMs().keySet()));
        List<String> header = new ArrayList<>(List.of("config", "batch", "images/s", "step ms"));
        phases.forEach(phase -> header.add(phase + " ms"));
        header.add("peak RSS MiB");
        header.add("oneDNN layers");
        MarkdownTable table = MarkdownTable.withHeader(header.toArray(String[]::new));
        for (BenchmarkResult result : results) {
            List<String> row = new ArrayList<>();
            row.add(result.name());
            row.add(Integer.toString(result.batchSize()));
            row.add(String.format(Locale.ROOT, "%.1f", result.imagesPerSecond()));
            row.add(String.format(Locale.ROOT, "%.1f", result.medianStepMs()));
            for (String phase : phases) {
                row.add(Reports.number(result.medianPhaseMs().get(phase)));
            }
            row.add(
                    result.peakRssBytes() < 0
                            ? "-"
                            : Long.toString(result.peakRssBytes() / (1024 * 1024)));
            row.add(result.helperLayers() + "/" + result.layers());
            table = table.withRow(row.toArray(String[]::new));
        }
        return table;
    }

    /** One row per config: the engine's median step, PyTorch's, and their ratio. */
    static MarkdownTable referenceTable(
            List<BenchmarkResult> results, List<PyTorchReference.Timing> timings) {
        MarkdownTable table =
                MarkdownTable.withHeader(
                        "config", "batch", "wcl4j step ms", "PyTorch step ms", "wcl4j / PyTorch");
        for (int i = 0; i < results.size(); i++) {
            BenchmarkResult result = results.get(i);
            double pytorch = timings.get(i).stepMs();
            table =
                    table.withRow(
                            result.name(),
                            Integer.toString(result.batchSize()),
                            String.format(Locale.ROOT, "%.1f", result.medianStepMs()),
                            String.format(Locale.ROOT, "%.1f", pytorch),
                            String.format(Locale.ROOT, "%.2f", result.medianStepMs() / pytorch));
        }
        return table;
    }

    private static String defaultPython() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    /** WCL's median step time over SimCLR's, when both were timed. */
    static OptionalDouble ratio(List<BenchmarkResult> results) {
        return ratio(results, "wcl", "simclr");
    }

    /** One config's median step time over another's, when both were timed. */
    static OptionalDouble ratio(List<BenchmarkResult> results, String over, String under) {
        OptionalDouble numerator = medianStepMs(results, over);
        OptionalDouble denominator = medianStepMs(results, under);
        if (numerator.isEmpty() || denominator.isEmpty() || !(denominator.getAsDouble() > 0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(numerator.getAsDouble() / denominator.getAsDouble());
    }

    /**
     * Images per second that making the views of a batch (crop and augment, on one thread)
     * sustains: the batch size over the median time of the augment phase.
     */
    static OptionalDouble augmentationRate(BenchmarkResult result) {
        Double milliseconds = result.medianPhaseMs().get("augment");
        if (milliseconds == null || !(milliseconds > 0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(result.batchSize() * 1000.0 / milliseconds);
    }

    private static OptionalDouble medianStepMs(List<BenchmarkResult> results, String name) {
        return results.stream()
                .filter(result -> result.name().equals(name))
                .mapToDouble(BenchmarkResult::medianStepMs)
                .findFirst();
    }
}
