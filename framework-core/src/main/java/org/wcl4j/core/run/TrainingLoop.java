package org.wcl4j.core.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcl4j.api.augment.CropRequest;
import org.wcl4j.api.augment.ViewBatch;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.eval.EvaluationResult;
import org.wcl4j.api.label.LabelContext;
import org.wcl4j.core.config.RunConfig;
import org.wcl4j.core.config.TrainingConfig;
import org.wcl4j.core.wiring.RunComponents;
import org.wcl4j.engine.ContrastiveNetwork;
import org.wcl4j.engine.EncoderFineTuning;
import org.wcl4j.engine.OptimizerSettings;
import org.wcl4j.engine.StepResult;
import org.wcl4j.engine.TrainingStep;

/**
 * The epochs of one run: per epoch a seeded permutation of the training split cut into full
 * batches, each turned into views (on a background thread, one batch ahead), trained on with the
 * engine's step, and fed back to the crop strategy; checkpoints and evaluation in between.
 */
final class TrainingLoop {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);

    private final Path directory;
    private final RunComponents parts;
    private final RunListener listener;
    private final MetricsWriter metrics;
    private final CheckpointStore checkpoints;
    private final RunConfig config;
    private final TrainingConfig training;

    TrainingLoop(
            Path directory,
            RunComponents parts,
            RunListener listener,
            MetricsWriter metrics,
            CheckpointStore checkpoints) {
        this.directory = directory;
        this.parts = parts;
        this.listener = listener;
        this.metrics = metrics;
        this.checkpoints = checkpoints;
        this.config = parts.config();
        this.training = parts.config().training();
    }

    /** Views of one batch and the milliseconds it took to make them. */
    private record Prepared(int[] indices, ViewBatch views, double milliseconds) {}

    RunSummary run(Optional<CheckpointStore.Checkpoint> resumeFrom) throws IOException {
        long started = System.nanoTime();
        DatasetSplit train = parts.dataset().train();
        int steps = Batches.perEpoch(train.size(), training.batchSize());
        OptimizerSettings optimizer = training.optimizer(steps);

        // build the network, or restore it from the checkpoint
        ContrastiveNetwork network =
                ContrastiveNetwork.build(
                        parts.encoder(), parts.heads(), train.shape(), optimizer, config.seed());
        LOG.info(
                "network: {} parameters, {} features, heads {}",
                network.parameterCount(),
                network.featureSize(),
                network.headNames());
        LOG.info(
                "optimiser: {}, peak learning rate {} ({} scaling of {} at batch {})",
                optimizer.method(),
                optimizer.learningRate(),
                training.learningRateScaling(),
                training.learningRate(),
                training.batchSize());
        CheckpointState state = CheckpointState.start();
        if (resumeFrom.isPresent()) {
            restore(resumeFrom.get(), network);
            state = resumeFrom.get().state();
        }
        TrainingStep step = new TrainingStep(network, parts.losses(), parts.labeller(), optimizer);
        listener.runStarted(directory, steps * training.epochs(), state.steps());

        // evaluate the untrained encoder
        Map<String, Double> before = state.before();
        if (resumeFrom.isEmpty() && training.evaluateBefore()) {
            before = evaluate("before", network);
        }

        ExecutorService cropper =
                Executors.newSingleThreadExecutor(
                        task -> {
                            Thread thread = new Thread(task, "wcl4j-crops");
                            thread.setDaemon(true);
                            return thread;
                        });
        try {
            Progress progress = new Progress(state, before, started);
            for (int epoch = state.epochs(); epoch < training.epochs(); epoch++) {
                runEpoch(epoch, steps, train, step, cropper, progress, network);
            }
            Map<String, Double> after = evaluate("after", network);
            RunSummary summary =
                    new RunSummary(
                            directory,
                            progress.before,
                            after,
                            progress.lastEpochLoss,
                            progress.trainingSeconds > 0
                                    ? progress.images / progress.trainingSeconds
                                    : 0,
                            progress.steps,
                            progress.seconds(),
                            progress.epochMetrics.isEmpty()
                                    ? Map.of()
                                    : progress.epochMetrics.get(progress.epochMetrics.size() - 1),
                            progress.steadySteps > 0
                                    ? progress.steadySeconds * 1000 / progress.steadySteps
                                    : Double.NaN);
            LOG.info("finished after {} steps: {}", summary.steps(), after);
            return summary;
        } finally {
            cropper.shutdownNow();
        }
    }

    /**
     * Loads the checkpoint's network and crop state.
     *
     * @throws CheckpointException when either file is damaged or holds another network
     */
    private void restore(CheckpointStore.Checkpoint checkpoint, ContrastiveNetwork network)
            throws IOException {
        try {
            network.loadCheckpoint(checkpoint.network());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(e.getMessage(), checkpoint.network(), e);
        }
        if (checkpoint.crops().length > 0) {
            try {
                parts.crops().restore(checkpoint.crops());
            } catch (IllegalArgumentException e) {
                String name = checkpoint.network().getFileName().toString();
                Path crops = checkpoint.network().resolveSibling(name.replace(".bin", ".crops"));
                throw new CheckpointException(
                        "checkpoint " + crops + " is damaged: " + e.getMessage(), crops, e);
            }
        }
    }

    /** Counters carried across epochs and into checkpoints. */
    private static final class Progress {
        int steps;
        long images;
        double trainingSeconds;
        final double earlierSeconds;
        final long started;
        double lastEpochLoss;
        final Map<String, Double> before;
        final List<Map<String, Double>> epochMetrics;
        int steadySteps;
        double steadySeconds;
        boolean warm;

        Progress(CheckpointState state, Map<String, Double> before, long started) {
            this.steps = state.steps();
            this.images = state.images();
            this.trainingSeconds = state.trainingSeconds();
            this.earlierSeconds = state.seconds();
            this.lastEpochLoss = state.lastEpochLoss();
            this.before = before;
            this.epochMetrics = new ArrayList<>(state.epochMetrics());
            this.steadySteps = state.steadySteps();
            this.steadySeconds = state.steadySeconds();
            this.started = started;
        }

        double seconds() {
            return earlierSeconds + (System.nanoTime() - started) / 1e9;
        }

        CheckpointState state(int epochs) {
            return new CheckpointState(
                    epochs,
                    steps,
                    images,
                    trainingSeconds,
                    seconds(),
                    lastEpochLoss,
                    before,
                    epochMetrics,
                    steadySteps,
                    steadySeconds);
        }
    }

    private void runEpoch(
            int epoch,
            int steps,
            DatasetSplit train,
            TrainingStep step,
            ExecutorService cropper,
            Progress progress,
            ContrastiveNetwork network)
            throws IOException {
        int batch = training.batchSize();
        int[] order = Batches.permutation(config.seed(), epoch, train.size());
        Map<String, double[]> sums = new LinkedHashMap<>();
        Future<Prepared> next = prepare(cropper, train, order, 0, epoch);
        for (int b = 0; b < steps; b++) {
            long start = System.nanoTime();

            // crop and augment (made in the background, one batch ahead)
            Prepared prepared = await(next);
            if (b + 1 < steps) {
                next = prepare(cropper, train, order, b + 1, epoch);
            }

            // encode, project, label, loss, backward, update
            int[] indices = prepared.indices();
            LabelContext context = new LabelContext(indices, labels(train, indices), epoch);
            StepResult result = step.run(prepared.views(), context, progress.steps);
            parts.crops().observe(indices, result.features());
            double seconds = (System.nanoTime() - start) / 1e9;

            // record
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("epoch", (double) epoch);
            row.put("step", (double) progress.steps);
            row.put("loss", result.loss());
            row.putAll(result.metrics());
            row.put("images/s", batch / seconds);
            row.put("time/augment", prepared.milliseconds());
            metrics.write(row);
            row.forEach(
                    (key, value) -> {
                        if (!key.equals("epoch") && !key.equals("step") && !value.isNaN()) {
                            double[] sum = sums.computeIfAbsent(key, k -> new double[2]);
                            sum[0] += value;
                            sum[1]++;
                        }
                    });
            listener.stepFinished(progress.steps, epoch, result.loss(), batch / seconds);
            progress.steps++;
            progress.images += batch;
            progress.trainingSeconds += seconds;
            if (progress.warm) {
                progress.steadySteps++;
                progress.steadySeconds += seconds;
            }
            progress.warm = true;
            if (progress.steps % training.logEvery() == 0) {
                LOG.info(
                        "epoch {}/{} step {}/{}: loss {} ({} images/s)",
                        epoch + 1,
                        training.epochs(),
                        progress.steps,
                        steps * training.epochs(),
                        String.format("%.4f", result.loss()),
                        String.format("%.1f", batch / seconds));
            }
        }
        parts.crops().endEpoch(epoch);

        // the epoch's means, an evaluation if one is due, a checkpoint if one is due
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((key, sum) -> means.put(key, sum[0] / sum[1]));
        progress.lastEpochLoss = means.getOrDefault("loss", Double.NaN);
        int done = epoch + 1;
        if (training.evaluateEvery() > 0
                && done % training.evaluateEvery() == 0
                && done < training.epochs()) {
            means.putAll(evaluate("epoch-" + done, network));
        }
        progress.epochMetrics.add(means);
        listener.epochFinished(epoch, means);
        boolean due = training.checkpointEvery() > 0 && done % training.checkpointEvery() == 0;
        if (due || done == training.epochs()) {
            checkpoints.write(progress.state(done), network::saveCheckpoint, parts.crops().state());
        }
    }

    private Future<Prepared> prepare(
            ExecutorService cropper, DatasetSplit train, int[] order, int batch, int epoch) {
        int size = training.batchSize();
        int[] indices = Arrays.copyOfRange(order, batch * size, (batch + 1) * size);
        CropRequest request =
                new CropRequest(train, indices, parts.augmentations(), config.seed(), epoch);
        return cropper.submit(
                () -> {
                    long start = System.nanoTime();
                    ViewBatch views = parts.crops().views(request);
                    return new Prepared(indices, views, (System.nanoTime() - start) / 1e6);
                });
    }

    private static Prepared await(Future<Prepared> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making views", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("the crop strategy failed", e.getCause());
        }
    }

    private static int[] labels(DatasetSplit split, int[] indices) {
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            labels[i] = split.label(indices[i]);
        }
        return labels;
    }

    /** Runs every protocol; keys are {@code "<protocol>/<metric>"}. */
    private Map<String, Double> evaluate(String when, ContrastiveNetwork network) {
        Map<String, Double> results = new LinkedHashMap<>();
        if (parts.evaluation().isEmpty()) {
            return results;
        }
        listener.evaluationStarted(when);
        SplitFeatures extractor =
                new SplitFeatures(
                        network::features,
                        training.batchSize(),
                        Optional.of(new EncoderFineTuning(network, parts.augmentations())));
        List<String> names = config.evaluationNames();
        for (int i = 0; i < parts.evaluation().size(); i++) {
            EvaluationResult result =
                    parts.evaluation().get(i).evaluate(extractor, parts.dataset());
            String name = i < names.size() ? names.get(i) : result.protocol();
            result.metrics().forEach((metric, value) -> results.put(name + "/" + metric, value));
            listener.evaluated(when, result);
        }
        LOG.info("evaluation {}: {}", when, results);
        return results;
    }
}
