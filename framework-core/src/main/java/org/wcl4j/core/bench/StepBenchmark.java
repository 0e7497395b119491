package org.wcl4j.core.bench;

import com.google.inject.Module;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcl4j.api.augment.CropRequest;
import org.wcl4j.api.augment.ViewBatch;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.label.LabelContext;
import org.wcl4j.api.label.WeakLabeller;
import org.wcl4j.core.config.RunConfig;
import org.wcl4j.core.config.TrainingConfig;
import org.wcl4j.core.registry.PluginRegistry;
import org.wcl4j.core.run.Batches;
import org.wcl4j.core.wiring.RunComponents;
import org.wcl4j.core.wiring.RunWiring;
import org.wcl4j.engine.ContrastiveNetwork;
import org.wcl4j.engine.OptimizerSettings;
import org.wcl4j.engine.StepResult;
import org.wcl4j.engine.TrainingStep;

/**
 * Times the training step of a config: builds everything the config names, runs warm-up steps, then
 * timed steps on real batches (in the order a run would take them), timing the making of the views
 * separately from the engine's step. Writes nothing to disk.
 *
 * <p>Images per second count the batch's images, once each: neither the second global view nor
 * local crops nor support views (which the step also encodes) add to it, so a config with a support
 * set or multi-crop shows its extra cost as fewer images per second.
 */
public final class StepBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(StepBenchmark.class);
    private static final List<String> PHASES =
            List.of("forward", "label", "loss", "backward", "update");

    private StepBenchmark() {}

    /** Benchmarks with the plugins {@link PluginRegistry#discover()} finds. */
    public static BenchmarkResult run(RunConfig config, int warmupSteps, int timedSteps) {
        return run(config, PluginRegistry.discover(), List.of(), warmupSteps, timedSteps);
    }

    /**
     * Benchmarks one config.
     *
     * @param overrides modules replacing the config's parts, as for a run
     * @param warmupSteps steps run first and not timed, at least 0
     * @param timedSteps steps timed, at least 1
     * @throws IllegalArgumentException for bad step counts or a split smaller than one batch
     */
    public static BenchmarkResult run(
            RunConfig config,
            PluginRegistry registry,
            List<Module> overrides,
            int warmupSteps,
            int timedSteps) {
        if (warmupSteps < 0 || timedSteps < 1) {
            throw new IllegalArgumentException(
                    "expected warmupSteps >= 0 and timedSteps >= 1, found "
                            + warmupSteps
                            + " and "
                            + timedSteps);
        }
        RunComponents parts = RunWiring.components(RunWiring.injector(config, registry, overrides));
        TrainingConfig training = config.training();
        DatasetSplit train = parts.dataset().train();
        int batch = training.batchSize();
        int perEpoch = Batches.perEpoch(train.size(), batch);
        OptimizerSettings optimizer = training.optimizer(perEpoch);
        ContrastiveNetwork network =
                ContrastiveNetwork.build(
                        parts.encoder(), parts.heads(), train.shape(), optimizer, config.seed());
        TrainingStep step = new TrainingStep(network, parts.losses(), parts.labeller(), optimizer);

        Map<String, List<Double>> times = new LinkedHashMap<>();
        times.put("step", new ArrayList<>());
        times.put("augment", new ArrayList<>());
        PHASES.forEach(phase -> times.put(phase, new ArrayList<>()));
        int[] order = new int[0];
        for (int i = 0; i < warmupSteps + timedSteps; i++) {
            int epoch = i / perEpoch;
            int b = i % perEpoch;
            if (b == 0) {
                if (epoch > 0) {
                    parts.crops().endEpoch(epoch - 1);
                }
                order = Batches.permutation(config.seed(), epoch, train.size());
            }
            int[] indices = Arrays.copyOfRange(order, b * batch, (b + 1) * batch);

            // augment, then the engine's step, timed apart
            long start = System.nanoTime();
            CropRequest request =
                    new CropRequest(train, indices, parts.augmentations(), config.seed(), epoch);
            ViewBatch views = parts.crops().views(request);
            long augmented = System.nanoTime();
            StepResult result =
                    step.run(views, new LabelContext(indices, labels(train, indices), epoch), i);
            long stepped = System.nanoTime();
            parts.crops().observe(indices, result.features());

            if (i >= warmupSteps) {
                times.get("augment").add((augmented - start) / 1e6);
                times.get("step").add((stepped - augmented) / 1e6);
                for (String phase : PHASES) {
                    times.get(phase)
                            .add(result.metrics().getOrDefault("time/" + phase, Double.NaN));
                }
            }
        }

        double stepMs = median(times.get("step"));
        Map<String, Double> phases = new LinkedHashMap<>();
        phases.put("augment", median(times.get("augment")));
        PHASES.forEach(phase -> phases.put(phase, median(times.get(phase))));
        BenchmarkResult result =
                new BenchmarkResult(
                        config.name(),
                        batch,
                        batch * 1000.0 / stepMs,
                        stepMs,
                        phases,
                        peakRss(),
                        train.shape(),
                        network.helperLayers().size(),
                        network.layerCount());
        LOG.info("benchmark {}: {}", config.name(), result);
        return result;
    }

    /**
     * Times the config's weak labeller alone on random embeddings of its head's size (Gaussian,
     * with as many random support views as the config's crop strategy makes, seeded), so that the
     * labelling cost can be read at batch sizes no step here could run.
     *
     * @param batches batch sizes, each at least 2
     * @param repeats timed calls per batch size, after two untimed ones; at least 1
     * @return median milliseconds per batch size, in the order given; empty without a labeller
     */
    public static Map<Integer, Double> labelTimes(
            RunConfig config, List<Integer> batches, int repeats) {
        RunComponents parts =
                RunWiring.components(
                        RunWiring.injector(config, PluginRegistry.discover(), List.of()));
        Map<Integer, Double> times = new LinkedHashMap<>();
        if (parts.labeller().isEmpty()) {
            return times;
        }
        WeakLabeller labeller = parts.labeller().get().labeller();
        int dim = parts.heads().get(parts.labeller().get().head()).outputSize();
        int supportViews = supportViews(config, parts);
        for (int batch : batches) {
            if (batch < 2) {
                throw new IllegalArgumentException(
                        "expected label batch sizes of at least 2, found " + batch);
            }
            Nd4j.getRandom().setSeed(config.seed());
            INDArray embeddings = Nd4j.randn(DataType.FLOAT, batch, dim);
            List<INDArray> support = new ArrayList<>();
            for (int s = 0; s < supportViews; s++) {
                support.add(Nd4j.randn(DataType.FLOAT, batch, dim));
            }
            // classes in turn, as many as the data set has: an oracle labeller needs them
            int classes = Math.max(1, parts.dataset().train().classCount());
            int[] trueLabels = new int[batch];
            for (int i = 0; i < batch; i++) {
                trueLabels[i] = i % classes;
            }
            LabelContext context = new LabelContext(new int[batch], trueLabels, 0, support);
            List<Double> millis = new ArrayList<>();
            for (int r = 0; r < repeats + 2; r++) {
                long start = System.nanoTime();
                labeller.label(embeddings, context);
                if (r >= 2) {
                    millis.add((System.nanoTime() - start) / 1e6);
                }
            }
            times.put(batch, median(millis));
            embeddings.close();
            support.forEach(INDArray::close);
        }
        return times;
    }

    /**
     * The number of support views the config's crop strategy makes, read from the views of one
     * image, so that a labeller that needs them gets as many random ones.
     */
    private static int supportViews(RunConfig config, RunComponents parts) {
        DatasetSplit train = parts.dataset().train();
        CropRequest request =
                new CropRequest(train, new int[] {0}, parts.augmentations(), config.seed(), 0);
        return parts.crops().views(request).support().size();
    }

    private static int[] labels(DatasetSplit split, int[] indices) {
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            labels[i] = split.label(indices[i]);
        }
        return labels;
    }

    /** The median of the values that are not NaN; NaN when there are none. */
    static double median(List<Double> values) {
        double[] sorted =
                values.stream()
                        .mapToDouble(Double::doubleValue)
                        .filter(v -> !Double.isNaN(v))
                        .sorted()
                        .toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Peak resident set size from {@code /proc/self/status}, in bytes; -1 if unavailable. */
    static long peakRss() {
        return peakRss(Path.of("/proc/self/status"));
    }

    static long peakRss(Path status) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                    long value = Long.parseLong(parts[0]);
                    return parts.length > 1 && parts[1].equalsIgnoreCase("kB")
                            ? value * 1024
                            : value;
                }
            }
        } catch (IOException | NumberFormatException e) {
            LOG.debug("no peak memory from {}: {}", status, e.toString());
        }
        return -1;
    }
}
