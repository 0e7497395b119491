package org.wcl4j.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcl4j.api.augment.ImageBatch;
import org.wcl4j.api.augment.ViewBatch;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;
import org.wcl4j.api.label.LabelContext;

/**
 * One training step of Eq. 8 of the WCL paper (Zheng et al., ICCV 2021) over a batch of views: the
 * weighted sum of the configured losses, minimised by SGD with momentum or LARS.
 *
 * <p>Phases: the {@code V} global views of {@code n} images are stacked into one input {@code [V *
 * n, channels, height, width]}; one forward pass in training mode (BatchNorm uses batch statistics
 * over all views together); each head's output {@code [V * n, dim]} is copied out and split into
 * {@code V} embeddings {@code [n, dim]}; the labeller, when bound, labels each global view from its
 * head's embeddings (labels of view {@code v} at index {@code v}; losses swap them themselves);
 * every loss term adds {@code weight * value} to the total and {@code weight * gradient} to its
 * head's error; the errors go back as external errors in one backward pass; then {@link
 * MomentumSgd} or {@link Lars} updates the parameters with the rate of {@link
 * WarmupCosineSchedule}. Gradients are already those of the mean loss, so no division by the batch
 * size follows.
 *
 * <p>Support views ({@link ViewBatch#support()}, {@code S} views {@code [n, channels, height,
 * width]} of the global views' shape, FNCancel's support set) are stacked after the global views
 * into the one global forward pass {@code [(V + S) * n, channels, height, width]}; each head's
 * output is split into {@code V} global and {@code S} support embeddings. The losses see only the
 * global views; the labeller gets the support embeddings of its head through {@link
 * LabelContext#withSupportViews}. The errors of the support rows are zero, so no gradient flows
 * back through them, but BatchNorm's batch statistics (and so its running statistics) are taken
 * over all {@code (V + S) * n} rows, support views included, which changes the global views'
 * embeddings slightly compared with a step without support views. Without support views the step is
 * exactly the one described above.
 *
 * <p>Local crops (multi-crop, {@code M} crops {@code [n, channels, h, w]} at their own, lower
 * resolution) go through the same weights in a forward pass of their own, stacked into {@code [M *
 * n, channels, h, w]} (BatchNorm uses the batch statistics of the local crops): first a forward
 * pass in training mode whose head outputs are copied out, then the global forward pass, after
 * which every loss sees global and local embeddings together; the global errors go back through the
 * global pass, the gradient is set aside, and the local crops' forward pass runs again with their
 * errors going back through it. The trainable part of the two gradients is summed; the BatchNorm
 * running statistics follow the global views only, since they serve inference at full resolution.
 *
 * <p>A NaN or infinite loss value, gradient or embedding stops the step with an {@link
 * IllegalArgumentException} before any parameter changes. Not thread-safe.
 */
public final class TrainingStep {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingStep.class);

    private final ContrastiveNetwork network;
    private final List<LossTerm> losses;
    private final Optional<LabellerBinding> labeller;
    private final OptimizerSettings optimizer;
    private final WarmupCosineSchedule schedule;

    /**
     * @param network the network to train
     * @param losses at least one term, each on a head of the network, with distinct names
     * @param labeller the weak labeller and the head it reads; required when a loss needs weak
     *     labels
     * @param optimizer learning rate, momentum, weight decay and schedule of every step
     * @throws IllegalArgumentException when a term names an unknown head, names repeat, a weight is
     *     not finite, or a loss needs weak labels and no labeller is bound
     */
    public TrainingStep(
            ContrastiveNetwork network,
            List<LossTerm> losses,
            Optional<LabellerBinding> labeller,
            OptimizerSettings optimizer) {
        this.network = network;
        this.losses = List.copyOf(losses);
        this.labeller = labeller;
        this.optimizer = optimizer;
        this.schedule = WarmupCosineSchedule.of(optimizer);
        validate();
    }

    private void validate() {
        List<String> problems = new ArrayList<>();
        if (losses.isEmpty()) {
            problems.add("losses: expected at least one loss term, found none");
        }
        Set<String> names = new HashSet<>();
        for (LossTerm term : losses) {
            if (!names.add(term.name())) {
                problems.add("loss term '" + term.name() + "': the name is used twice");
            }
            if (!network.headNames().contains(term.head())) {
                problems.add(
                        "loss term '"
                                + term.name()
                                + "': expected one of the heads "
                                + network.headNames()
                                + ", found '"
                                + term.head()
                                + "'");
            }
            if (!Double.isFinite(term.weight())) {
                problems.add(
                        "loss term '"
                                + term.name()
                                + "': expected a finite weight, found "
                                + term.weight());
            }
            if (term.loss().needsWeakLabels() && labeller.isEmpty()) {
                problems.add(
                        "loss term '"
                                + term.name()
                                + "': needs weak labels, but no labeller is configured; add a"
                                + " labeller");
            }
        }
        labeller.ifPresent(
                binding -> {
                    if (!network.headNames().contains(binding.head())) {
                        problems.add(
                                "labeller: expected one of the heads "
                                        + network.headNames()
                                        + ", found '"
                                        + binding.head()
                                        + "'");
                    }
                });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("training step: " + String.join("; ", problems));
        }
        if (labeller.isPresent()
                && losses.stream().noneMatch(term -> term.loss().needsWeakLabels())) {
            LOG.warn(
                    "a labeller is configured but no loss reads weak labels: its labels only feed"
                            + " the weak/* diagnostics; add a loss that reads them (wcl-graph,"
                            + " adpclr, fncancel) or remove the labeller");
        }
    }

    /**
     * Runs forward, labels, losses, backward and the update.
     *
     * @param views the views of the batch; every global view of the same shape and size, with the
     *     network's channel count; local crops, if any, of one shape among themselves
     * @param context dataset indices, true labels (diagnostics only) and epoch
     * @param iteration global step number from 0, for the learning-rate schedule
     * @throws IllegalArgumentException for inconsistent views, or when a loss value, gradient or
     *     embedding is NaN or infinite (the parameters are then unchanged)
     */
    public StepResult run(ViewBatch views, LabelContext context, int iteration) {
        double rate = schedule.rate(iteration);
        Backpropagated pass = backpropagate(views, context, iteration, rate);

        // step
        long start = System.nanoTime();
        ExternalErrorGraph graph = network.graph();
        if (optimizer.method() == OptimizerSettings.Method.LARS) {
            network.lars()
                    .step(
                            graph.params(),
                            graph.getGradientsViewArray(),
                            rate,
                            optimizer.momentum(),
                            optimizer.weightDecay(),
                            optimizer.trustCoefficient(),
                            optimizer.nesterov());
        } else {
            network.optimiser()
                    .step(
                            graph.params(),
                            graph.getGradientsViewArray(),
                            rate,
                            optimizer.momentum(),
                            optimizer.weightDecay(),
                            optimizer.nesterov());
        }
        Map<String, Double> metrics = new LinkedHashMap<>(pass.metrics());
        metrics.put("lr", rate);
        metrics.put("time/update", millis(System.nanoTime() - start));
        return new StepResult(pass.loss(), Collections.unmodifiableMap(metrics), pass.features());
    }

    /** What the forward and backward passes left: the gradient is in the graph's gradient view. */
    record Backpropagated(double loss, Map<String, Double> metrics, INDArray features) {}

    /**
     * Forward, labels, losses and backward, leaving the gradient of the weighted total loss in the
     * graph's flat gradient array; parameters unchanged.
     */
    Backpropagated backpropagate(
            ViewBatch views, LabelContext context, int iteration, double rate) {
        // stack the global views and any support views after them, and the local crops apart
        int n = views.batchSize();
        ExternalErrorGraph graph = network.graph();
        requireSupportShape(views);
        List<ImageBatch> globalAndSupport = views.global();
        if (!views.support().isEmpty()) {
            globalAndSupport = new ArrayList<>(views.global());
            globalAndSupport.addAll(views.support());
        }
        INDArray input = stack("global view", globalAndSupport, n, network.dataType());
        boolean local = !views.local().isEmpty();
        INDArray localInput =
                local ? stack("local crop", views.local(), n, network.dataType()) : null;

        // local crops: their own forward pass, outputs copied out for the losses
        long start = System.nanoTime();
        INDArray[] localOutputs = local ? graph.trainingOutputs(localInput) : new INDArray[0];
        long forward = System.nanoTime() - start;

        // global forward, labels and losses, backward; then the local crops' backward
        LossPhase phase =
                new LossPhase(
                        network.headNames(),
                        losses,
                        labeller,
                        new LossPhase.Batch(
                                views.global().size(),
                                views.support().size(),
                                views.local().size(),
                                n,
                                context,
                                iteration,
                                rate),
                        localOutputs);
        long backward;
        try {
            ExternalErrorGraph.Timings timings =
                    graph.forwardBackward(input, network.featureVertex(), n, phase);
            forward += timings.forward();
            backward = timings.backward();
            if (local) {
                ExternalErrorGraph.Timings localTimings = backpropagateLocal(localInput, phase);
                forward += localTimings.forward();
                backward += localTimings.backward();
            }
        } finally {
            phase.release();
            input.close();
            if (localInput != null) {
                localInput.close();
            }
        }

        Map<String, Double> metrics = new LinkedHashMap<>(phase.metrics());
        metrics.put("time/forward", millis(forward));
        metrics.put("time/label", millis(phase.labelNanos()));
        metrics.put("time/loss", millis(phase.lossNanos()));
        metrics.put("time/backward", millis(backward));
        return new Backpropagated(phase.total(), metrics, phase.features());
    }

    /**
     * Runs the local crops' forward pass again and feeds their errors back, then adds the global
     * pass's gradient (set aside first) to the trainable part of the local one.
     */
    private ExternalErrorGraph.Timings backpropagateLocal(INDArray localInput, LossPhase phase) {
        ExternalErrorGraph graph = network.graph();
        INDArray gradientView = graph.getGradientsViewArray();
        long length = gradientView.length();
        INDArray global = gradientView.reshape(length).dup();
        ExternalErrorGraph.Timings timings =
                graph.forwardBackward(
                        localInput,
                        network.featureVertex(),
                        1,
                        (outputs, features) -> {
                            for (INDArray output : outputs) {
                                output.close();
                            }
                            features.close();
                            return phase.localErrors();
                        });
        INDArray combined = gradientView.reshape(length).dup();
        INDArray statistics = combined.mul(network.optimiser().statisticsMask());
        combined.subi(statistics).addi(global);
        gradientView.assign(combined.reshape(gradientView.shape()));
        statistics.close();
        combined.close();
        global.close();
        return timings;
    }

    /**
     * Support views go through the global forward pass, so each must hold the batch's images in the
     * first global view's shape.
     */
    private static void requireSupportShape(ViewBatch views) {
        ImageShape shape = views.global().get(0).shape();
        int n = views.batchSize();
        for (int s = 0; s < views.support().size(); s++) {
            ImageBatch support = views.support().get(s);
            if (support.size() != n || !support.shape().equals(shape)) {
                throw new IllegalArgumentException(
                        "training step: expected every support view to hold "
                                + n
                                + " images of the global views' shape "
                                + shape
                                + ", found "
                                + support.size()
                                + " of shape "
                                + support.shape()
                                + " in support view "
                                + s
                                + "; the crop strategy must make support views as it makes the"
                                + " global views");
            }
        }
    }

    /** One input {@code [V * n, channels, height, width]} from {@code V} views of {@code n}. */
    private INDArray stack(String kind, List<ImageBatch> global, int n, DataType dataType) {
        ImageShape shape = global.get(0).shape();
        if (shape.channels() != network.shape().channels()) {
            throw new IllegalArgumentException(
                    "training step: expected views with "
                            + network.shape().channels()
                            + " channels, found "
                            + shape);
        }
        int length = shape.length();
        float[] data = new float[global.size() * n * length];
        for (int v = 0; v < global.size(); v++) {
            ImageBatch view = global.get(v);
            if (view.size() != n || !view.shape().equals(shape)) {
                throw new IllegalArgumentException(
                        "training step: expected every "
                                + kind
                                + " to hold "
                                + n
                                + " images of shape "
                                + shape
                                + ", found "
                                + view.size()
                                + " of shape "
                                + view.shape()
                                + " in "
                                + kind
                                + " "
                                + v);
            }
            List<Image> images = view.images();
            for (int i = 0; i < n; i++) {
                System.arraycopy(images.get(i).pixels(), 0, data, (v * n + i) * length, length);
            }
        }
        INDArray stacked =
                Nd4j.create(
                        data,
                        new long[] {
                            (long) global.size() * n,
                            shape.channels(),
                            shape.height(),
                            shape.width()
                        },
                        'c');
        return dataType == DataType.FLOAT ? stacked : stacked.castTo(dataType);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
