package org.wcl4j.core.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Injector;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcl4j.api.data.Dataset;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.eval.EvaluationProtocol;
import org.wcl4j.api.eval.EvaluationProtocolProvider;
import org.wcl4j.api.eval.EvaluationResult;
import org.wcl4j.api.eval.FeatureExtractor;
import org.wcl4j.api.eval.FineTuner;
import org.wcl4j.api.plugin.Settings;
import org.wcl4j.core.config.ConfigLoader;
import org.wcl4j.core.config.PluginChoice;
import org.wcl4j.core.config.PluginSettings;
import org.wcl4j.core.config.RunConfig;
import org.wcl4j.core.config.SettingsOverrides;
import org.wcl4j.core.registry.PluginFamily;
import org.wcl4j.core.registry.PluginRegistry;
import org.wcl4j.core.wiring.RunComponents;
import org.wcl4j.core.wiring.RunWiring;
import org.wcl4j.engine.ContrastiveNetwork;
import org.wcl4j.engine.EncoderFineTuning;

/**
 * Evaluates the latest checkpoint of a run directory with any protocol, after training or while it
 * is interrupted: {@code wcl4j eval --run DIR --protocol NAME}.
 *
 * <p>{@link #open} reads the run's {@code config.yaml}, loads its data set and rebuilds the network
 * from the latest checkpoint. {@link #evaluate} runs one protocol on the encoder's pooled features,
 * which come from {@code features/train.bin} and {@code features/test.bin} when they were computed
 * from this checkpoint (see {@link FeatureCache}), and writes
 *
 * <ul>
 *   <li>{@code evaluations/<protocol>.json}: the protocol, its resolved settings, the checkpoint
 *       (epochs and SHA-256) and the metrics;
 *   <li>{@code evaluations/<protocol>-<array>.csv}: each array of the result (a t-SNE map's points,
 *       a labelled subset's indices), one row per line, values separated by commas.
 * </ul>
 *
 * <p>The network is only read: features are computed in inference mode, so neither the weights nor
 * the BatchNorm running statistics change (see {@link #network()}); a protocol that fine-tunes (the
 * semi-supervised one) trains a copy of it ({@link EncoderFineTuning}).
 */
public final class RunEvaluation {

    private static final Logger LOG = LoggerFactory.getLogger(RunEvaluation.class);

    /** Folder of the cached features inside a run directory. */
    public static final String FEATURES = "features";

    /** Folder of the evaluation results inside a run directory. */
    public static final String EVALUATIONS = "evaluations";

    /** Hears about the slow parts of an evaluation; every method does nothing by default. */
    public interface Listener {

        /** The encoder is about to compute the features of {@code images} images of a split. */
        default void computingFeatures(String split, int images) {}

        /** The features of a split were read from the run directory's cache. */
        default void cachedFeatures(String split, int images) {}

        /** Protocol {@code name} starts on the features. */
        default void protocolStarted(String name) {}
    }

    /**
     * What one evaluation produced and where it was written.
     *
     * @param result the protocol's metrics and arrays
     * @param settings the settings the protocol ran with
     * @param checkpointEpochs epochs trained before the checkpoint evaluated
     * @param resultFile {@code evaluations/<protocol>.json}
     * @param arrayFiles array name to its CSV file, in the result's order
     */
    public record Outcome(
            EvaluationResult result,
            Settings settings,
            int checkpointEpochs,
            Path resultFile,
            Map<String, Path> arrayFiles) {

        public Outcome {
            arrayFiles = Collections.unmodifiableMap(new LinkedHashMap<>(arrayFiles));
        }
    }

    private final Path directory;
    private final PluginRegistry registry;
    private final RunComponents parts;
    private final CheckpointStore.Checkpoint checkpoint;
    private final String checkpointDigest;
    private final ContrastiveNetwork network;

    private RunEvaluation(
            Path directory,
            PluginRegistry registry,
            RunComponents parts,
            CheckpointStore.Checkpoint checkpoint,
            String checkpointDigest,
            ContrastiveNetwork network) {
        this.directory = directory;
        this.registry = registry;
        this.parts = parts;
        this.checkpoint = checkpoint;
        this.checkpointDigest = checkpointDigest;
        this.network = network;
    }

    /** Opens a run directory; see {@link #open(Path, PluginRegistry, RunOptions)}. */
    public static RunEvaluation open(Path runDirectory, PluginRegistry registry) {
        return open(runDirectory, registry, RunOptions.defaults());
    }

    /**
     * Reads the run's config, loads its data set and restores its latest checkpoint.
     *
     * @param options only {@link RunOptions#overrides()} is used (a test's data set, for instance)
     * @throws IllegalArgumentException when the directory has no {@code config.yaml} or no complete
     *     checkpoint, or the checkpoint does not fit the config's network
     * @throws UncheckedIOException when a file cannot be read
     */
    public static RunEvaluation open(
            Path runDirectory, PluginRegistry registry, RunOptions options) {
        Path configFile = runDirectory.resolve(RunDirectory.CONFIG);
        if (!Files.isRegularFile(configFile)) {
            throw new IllegalArgumentException(
                    "expected a run directory with a config.yaml, found none at "
                            + runDirectory
                            + "; pass the directory that 'wcl4j train' printed");
        }
        Path checkpoints = runDirectory.resolve(RunDirectory.CHECKPOINTS);
        try {
            Optional<CheckpointStore.Checkpoint> latest = new CheckpointStore(checkpoints).latest();
            if (latest.isEmpty()) {
                throw new IllegalArgumentException(
                        "expected a checkpoint in "
                                + checkpoints
                                + ", found none; the run has not finished an epoch yet: train"
                                + " it on with 'wcl4j train --resume "
                                + runDirectory
                                + "'");
            }
            RunConfig config = ConfigLoader.load(configFile, List.of(), registry);
            Injector injector = RunWiring.injector(config, registry, options.overrides());
            RunComponents parts = RunWiring.components(injector);

            // rebuild the network as training built it, then restore the checkpoint
            DatasetSplit train = parts.dataset().train();
            int steps = Batches.perEpoch(train.size(), config.training().batchSize());
            ContrastiveNetwork network =
                    ContrastiveNetwork.build(
                            parts.encoder(),
                            parts.heads(),
                            train.shape(),
                            config.training().optimizer(steps),
                            config.seed());
            network.loadCheckpoint(latest.get().network());
            LOG.info(
                    "evaluating {} after epoch {} ({} parameters)",
                    runDirectory,
                    latest.get().state().epochs(),
                    network.parameterCount());
            return new RunEvaluation(
                    runDirectory,
                    registry,
                    parts,
                    latest.get(),
                    sha256(latest.get().network()),
                    network);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the run in " + runDirectory, e);
        }
    }

    /** The network restored from the checkpoint, for checks; evaluation never trains it. */
    public ContrastiveNetwork network() {
        return network;
    }

    /** The run directory. */
    public Path directory() {
        return directory;
    }

    /** Epochs trained before the checkpoint being evaluated. */
    public int checkpointEpochs() {
        return checkpoint.state().epochs();
    }

    /**
     * Runs protocol {@code name} on the checkpoint's features and writes its results.
     *
     * @param settingOverrides {@code key=value} settings of the protocol, applied over those the
     *     run's config gives it (when its evaluation list names it) and the protocol's defaults
     * @throws IllegalArgumentException for an unknown protocol (the message lists the known ones),
     *     or settings or data the protocol rejects
     * @throws UncheckedIOException when a result cannot be written
     */
    public Outcome evaluate(String name, List<String> settingOverrides, Listener listener) {
        EvaluationProtocolProvider<?> provider = registry.provider(PluginFamily.EVALUATION, name);
        return run(provider, settingOverrides, listener);
    }

    private <S extends Settings> Outcome run(
            EvaluationProtocolProvider<S> provider, List<String> overrides, Listener listener) {
        String name = provider.name();

        // settings: defaults, then the run's config, then the command line
        Map<String, Object> base =
                parts.config().evaluation().stream()
                        .filter(choice -> choice.name().equals(name))
                        .findFirst()
                        .map(PluginChoice::settings)
                        .orElse(Map.of());
        S settings = SettingsOverrides.bind(provider, base, overrides, name);
        EvaluationProtocol protocol = provider.create(settings);

        // features from the cache, or from the encoder in inference mode
        Dataset dataset = parts.dataset();
        FeatureCache features =
                new FeatureCache(
                        directory.resolve(FEATURES),
                        "checkpoint-sha256=" + checkpointDigest,
                        Map.of("train", dataset.train(), "test", dataset.test()),
                        networkFeatures(),
                        new FeatureCache.Listener() {
                            @Override
                            public void computing(String split, int size) {
                                listener.computingFeatures(split, size);
                            }

                            @Override
                            public void cached(String split, int size) {
                                listener.cachedFeatures(split, size);
                            }
                        });

        // evaluate and write
        listener.protocolStarted(name);
        long start = System.nanoTime();
        EvaluationResult result = protocol.evaluate(features, dataset);
        LOG.info(
                "{}: {} in {} s",
                name,
                result.metrics(),
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
        try {
            return write(result, settings);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not write the " + name + " results in " + directory, e);
        }
    }

    /**
     * The network's pooled features, or the output of a head's vertex, split by split; and
     * fine-tuning of copies of the network, with the run's augmentations.
     */
    private FeatureExtractor networkFeatures() {
        int chunk = parts.config().training().batchSize();
        FineTuner fineTuner = new EncoderFineTuning(network, parts.augmentations());
        return new FeatureExtractor() {
            @Override
            public Optional<FineTuner> fineTuner() {
                return Optional.of(fineTuner);
            }

            @Override
            public INDArray features(DatasetSplit split) {
                return new SplitFeatures(network::features, chunk).features(split);
            }

            @Override
            public INDArray features(DatasetSplit split, String layer) {
                if (layer.equals(POOLED)) {
                    return features(split);
                }
                if (!network.headVertices().contains(layer)) {
                    throw new IllegalArgumentException(
                            "expected features at '"
                                    + POOLED
                                    + "' or at a head vertex, one of "
                                    + network.headVertices()
                                    + ", found '"
                                    + layer
                                    + "'");
                }
                return new SplitFeatures(images -> network.activations(images, layer), chunk)
                        .features(split);
            }
        };
    }

    private Outcome write(EvaluationResult result, Settings settings) throws IOException {
        String name = result.protocol();
        Path folder = directory.resolve(EVALUATIONS);
        Files.createDirectories(folder);
        Map<String, Path> arrayFiles = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> array : result.arrays().entrySet()) {
            Path file = folder.resolve(name + "-" + array.getKey() + ".csv");
            AtomicFiles.write(file, csv(array.getValue()).getBytes(StandardCharsets.UTF_8));
            arrayFiles.put(array.getKey(), file);
        }
        ObjectNode json = JsonFiles.MAPPER.createObjectNode();
        json.put("protocol", name);
        json.set("settings", JsonFiles.MAPPER.valueToTree(PluginSettings.toMap(settings)));
        json.put("checkpointEpochs", checkpoint.state().epochs());
        json.put("checkpointSha256", checkpointDigest);
        json.set("metrics", JsonFiles.MAPPER.valueToTree(result.metrics()));
        ObjectNode arrays = json.putObject("arrays");
        arrayFiles.forEach(
                (array, file) -> arrays.put(array, directory.relativize(file).toString()));
        Path resultFile = folder.resolve(name + ".json");
        JsonFiles.write(resultFile, json);
        return new Outcome(result, settings, checkpoint.state().epochs(), resultFile, arrayFiles);
    }

    /** A rank-1 array as one value per line, a rank-2 array as one row per line. */
    private static String csv(INDArray array) {
        INDArray matrix = array.rank() == 1 ? array.reshape(array.length(), 1) : array;
        if (matrix.rank() != 2) {
            throw new IllegalArgumentException(
                    "expected evaluation arrays of rank 1 or 2, found rank " + array.rank());
        }
        double[][] rows = matrix.castTo(DataType.DOUBLE).toDoubleMatrix();
        StringBuilder text = new StringBuilder();
        for (double[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                text.append(c == 0 ? "" : ",");
                double value = row[c];
                if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                    text.append((long) value);
                } else {
                    text.append(value);
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256", e);
        }
    }
}
