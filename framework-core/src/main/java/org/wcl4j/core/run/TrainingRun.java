package org.wcl4j.core.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Injector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcl4j.core.config.ConfigLoader;
import org.wcl4j.core.config.RunConfig;
import org.wcl4j.core.registry.PluginRegistry;
import org.wcl4j.core.wiring.RunComponents;
import org.wcl4j.core.wiring.RunWiring;

/**
 * One training run and its directory, {@code <runs>/<name>-<yyyyMMdd-HHmmss>/}:
 *
 * <ul>
 *   <li>{@code config.yaml}: the resolved config, every default spelt out; training it again
 *       reproduces the run;
 *   <li>{@code provenance.json}: versions, machine, command line, seed, start time, git commit;
 *   <li>{@code metrics.csv}: one row per step (see the columns of the loss terms, {@code lr},
 *       {@code weak/*}, {@code images/s}, {@code time/*});
 *   <li>{@code checkpoints/}: the latest checkpoint, network and progress, written atomically;
 *   <li>{@code summary.json}: the final numbers, written last: {@code before}, {@code after},
 *       {@code finalLoss}, {@code imagesPerSecond}, {@code steps}, {@code seconds}, {@code
 *       meanStepMilliseconds} and, with a labeller, the last epoch's means {@code weak/precision},
 *       {@code weak/recall} (with the data set's classes) and {@code weak/reciprocity}.
 * </ul>
 *
 * <p>{@link #create} loads the data set, builds the plugins and checks that the training split
 * holds a batch, and only then makes the directory, so a run that cannot start leaves nothing
 * behind; {@link #execute} trains and evaluates. {@link #resume} continues an interrupted run from
 * its latest checkpoint. Since batch order and augmentation depend only on the seed and the epoch,
 * and the checkpoint keeps the crop strategy's state (the K-NN feature bank), a resumed run takes
 * the same steps as an uninterrupted one.
 */
public final class TrainingRun {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

    /** The last epoch's weak-label means that {@code summary.json} carries, when there are any. */
    static final List<String> SUMMARY_WEAK =
            List.of("weak/precision", "weak/recall", "weak/reciprocity");

    private final Path directory;
    private final RunComponents parts;
    private final Optional<CheckpointStore.Checkpoint> checkpoint;
    private boolean executed;

    private TrainingRun(
            Path directory, RunComponents parts, Optional<CheckpointStore.Checkpoint> checkpoint) {
        this.directory = directory;
        this.parts = parts;
        this.checkpoint = checkpoint;
    }

    /**
     * Does every check {@link #create} does before it makes a directory, and nothing else: loads
     * the data set, builds the plugins, checks that the training split holds a batch and that the
     * crops and the labeller accept a batch of the run's shape. For commands that start several
     * runs and should refuse a bad config before the first of them trains.
     *
     * @throws IllegalArgumentException as {@link #create} does
     */
    public static void check(RunConfig config, PluginRegistry registry, RunOptions options) {
        components(config, registry, options);
    }

    /** Creates a run directory for {@code config} under {@code runsRoot}; see {@link #create}. */
    public static TrainingRun create(RunConfig config, Path runsRoot, PluginRegistry registry) {
        return create(config, runsRoot, registry, RunOptions.defaults());
    }

    /**
     * Loads the data set and builds the plugins, then creates the run directory and writes {@code
     * config.yaml}, {@code provenance.json} and the header of {@code metrics.csv}. Nothing is
     * trained yet.
     *
     * @param config a config as {@code ConfigLoader} returns it
     * @throws IllegalArgumentException when a plugin rejects its settings or input (a data set file
     *     that is missing, say) or the training split holds less than one batch; no directory is
     *     made then
     * @throws UncheckedIOException when the directory cannot be written
     */
    public static TrainingRun create(
            RunConfig config, Path runsRoot, PluginRegistry registry, RunOptions options) {
        RunComponents parts = components(config, registry, options);
        try {
            Path directory = RunDirectory.create(runsRoot, config.name(), options.clock());
            String yaml =
                    "# resolved config of run "
                            + directory.getFileName()
                            + "; every default is spelt out\n"
                            + ConfigLoader.toYaml(config);
            AtomicFiles.write(
                    directory.resolve(RunDirectory.CONFIG), yaml.getBytes(StandardCharsets.UTF_8));
            JsonFiles.write(
                    directory.resolve(RunDirectory.PROVENANCE),
                    Provenance.of(
                            config.seed(), options.commandLine(), Instant.now(options.clock())));
            MetricsWriter.create(
                            directory.resolve(RunDirectory.METRICS), MetricsWriter.columns(config))
                    .close();
            Files.createDirectories(directory.resolve(RunDirectory.CHECKPOINTS));
            LOG.info("run directory {}", directory);
            return new TrainingRun(directory, parts, Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a run directory in " + runsRoot, e);
        }
    }

    /** Continues an interrupted run; see {@link #resume(Path, PluginRegistry, RunOptions)}. */
    public static TrainingRun resume(Path runDirectory, PluginRegistry registry) {
        return resume(runDirectory, registry, RunOptions.defaults());
    }

    /**
     * Continues an interrupted run: reads its {@code config.yaml} and latest checkpoint and cuts
     * {@code metrics.csv} back to the checkpointed step. {@link #execute} then trains from the
     * epoch after the checkpoint (from the start when there is none).
     *
     * @throws IllegalArgumentException when {@code runDirectory} is not a run directory, or the
     *     data set or a plugin cannot be made as for {@link #create}
     * @throws CheckpointException when the latest checkpoint is damaged
     * @throws IllegalStateException when the run already finished
     */
    public static TrainingRun resume(
            Path runDirectory, PluginRegistry registry, RunOptions options) {
        Path configFile = runDirectory.resolve(RunDirectory.CONFIG);
        if (!Files.isRegularFile(configFile)) {
            throw new IllegalArgumentException(
                    "expected a run directory with a config.yaml, found none at " + runDirectory);
        }
        if (Files.exists(runDirectory.resolve(RunDirectory.SUMMARY))) {
            throw new IllegalStateException(
                    "run "
                            + runDirectory
                            + " already finished (see its summary.json); nothing to resume,"
                            + " start a new run to train again");
        }
        RunConfig config = ConfigLoader.load(configFile, List.of(), registry);
        try {
            Optional<CheckpointStore.Checkpoint> latest =
                    new CheckpointStore(runDirectory.resolve(RunDirectory.CHECKPOINTS)).latest();
            RunComponents parts = components(config, registry, options);
            int epochs = latest.map(c -> c.state().epochs()).orElse(0);
            Path metrics = runDirectory.resolve(RunDirectory.METRICS);
            if (Files.exists(metrics)) {
                MetricsWriter.truncate(metrics, latest.map(c -> c.state().steps()).orElse(0));
            } else {
                MetricsWriter.create(metrics, MetricsWriter.columns(config)).close();
            }
            Path provenance = runDirectory.resolve(RunDirectory.PROVENANCE);
            if (Files.exists(provenance)) {
                Provenance.recordResume(
                        provenance, options.commandLine(), Instant.now(options.clock()), epochs);
            }
            if (latest.isPresent()) {
                LOG.info(
                        "resuming {} after step {} (epoch {})",
                        runDirectory,
                        latest.get().state().steps(),
                        epochs);
            } else {
                LOG.info("resuming {}: no checkpoint yet, so training starts over", runDirectory);
            }
            return new TrainingRun(runDirectory, parts, latest);
        } catch (IOException e) {
            throw new UncheckedIOException("could not resume " + runDirectory, e);
        }
    }

    /** The run's parts, made and checked before anything is written; see {@link #create}. */
    private static RunComponents components(
            RunConfig config, PluginRegistry registry, RunOptions options) {
        Injector injector = RunWiring.injector(config, registry, options.overrides());
        RunComponents parts = RunWiring.components(injector);
        Batches.perEpoch(parts.dataset().train().size(), config.training().batchSize());
        Preflight.check(parts);
        return parts;
    }

    /** The run directory. */
    public Path directory() {
        return directory;
    }

    /**
     * The epochs done at the run's newest checkpoint, read from the file names alone, so cheap
     * enough for a shutdown hook; empty when there is none yet.
     *
     * @throws UncheckedIOException when the checkpoint folder cannot be listed
     */
    public OptionalInt checkpointedEpochs() {
        return checkpointedEpochs(directory);
    }

    /**
     * The epochs done at the newest checkpoint of the run in {@code runDirectory}, read from the
     * file names alone; empty when it has none yet (or no checkpoint folder).
     *
     * @throws UncheckedIOException when the checkpoint folder cannot be listed
     */
    public static OptionalInt checkpointedEpochs(Path runDirectory) {
        try {
            return new CheckpointStore(runDirectory.resolve(RunDirectory.CHECKPOINTS))
                    .latestEpochs();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the checkpoints of " + runDirectory, e);
        }
    }

    /**
     * Trains and evaluates, writing metrics and checkpoints as it goes and {@code summary.json} at
     * the end.
     *
     * @throws IllegalArgumentException when a plugin rejects its input, or training diverges
     * @throws CheckpointException when the checkpoint to resume from is damaged
     * @throws IllegalStateException when called twice
     * @throws UncheckedIOException when a run file cannot be written
     */
    public RunSummary execute(RunListener listener) {
        if (executed) {
            throw new IllegalStateException(
                    "run " + directory + " was already executed; create or resume a new one");
        }
        executed = true;
        Path metricsFile = directory.resolve(RunDirectory.METRICS);
        try (MetricsWriter metrics =
                MetricsWriter.append(metricsFile, MetricsWriter.columns(parts.config()))) {
            CheckpointStore checkpoints =
                    new CheckpointStore(directory.resolve(RunDirectory.CHECKPOINTS));
            RunSummary summary =
                    new TrainingLoop(directory, parts, listener, metrics, checkpoints)
                            .run(checkpoint);
            JsonFiles.write(directory.resolve(RunDirectory.SUMMARY), summaryJson(summary));
            listener.runFinished(summary);
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write to run directory " + directory, e);
        }
    }

    private static ObjectNode summaryJson(RunSummary summary) {
        ObjectNode json = JsonFiles.MAPPER.createObjectNode();
        json.put("directory", summary.directory().toString());
        json.set("before", JsonFiles.MAPPER.valueToTree(summary.before()));
        json.set("after", JsonFiles.MAPPER.valueToTree(summary.after()));
        json.put("finalLoss", summary.finalLoss());
        json.put("imagesPerSecond", summary.imagesPerSecond());
        json.put("steps", summary.steps());
        json.put("seconds", summary.seconds());
        if (Double.isFinite(summary.meanStepMilliseconds())) {
            json.put("meanStepMilliseconds", summary.meanStepMilliseconds());
        } else {
            json.putNull("meanStepMilliseconds");
        }
        for (String key : SUMMARY_WEAK) {
            Double value = summary.lastEpoch().get(key);
            if (value != null && Double.isFinite(value)) {
                json.put(key, value);
            }
        }
        return json;
    }
}
