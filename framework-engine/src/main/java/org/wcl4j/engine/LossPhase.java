package org.wcl4j.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.wcl4j.api.label.LabelContext;
import org.wcl4j.api.label.WeakLabels;
import org.wcl4j.api.loss.LossInput;
import org.wcl4j.api.loss.LossResult;

/**
 * The work between the forward and the backward pass of one {@link TrainingStep}: splits each
 * head's output {@code [(V + S) * n, dim]} into {@code V} global and {@code S} support embeddings
 * {@code [n, dim]} (and, with local crops, the head's output of the local forward pass {@code [M *
 * n, dim]} into {@code M}), labels the global views (the labeller's context carrying the support
 * embeddings of its head), computes every loss term on the global and local embeddings and sums
 * {@code weight * gradient} per head into the errors fed back into the graph, zero on the support
 * rows: the global pass's errors as the result of {@link #errors}, the local crops' errors kept for
 * the local backward pass ({@link #localErrors}). Checks every value, gradient and embedding for
 * NaN and infinity, so that a diverged step fails before the backward pass. One instance per step.
 */
final class LossPhase implements ExternalErrorGraph.ErrorSource {

    /**
     * The batch being processed.
     *
     * @param viewCount global views {@code V}
     * @param supportCount support views {@code S}, stacked after the global views in the same
     *     forward pass; 0 without a support set
     * @param localCount local crops {@code M}, 0 without multi-crop
     * @param n images per view
     * @param context passed to the labeller
     * @param iteration step number, for messages
     * @param rate learning rate of the step, for messages
     */
    record Batch(
            int viewCount,
            int supportCount,
            int localCount,
            int n,
            LabelContext context,
            int iteration,
            double rate) {}

    private final List<String> heads;
    private final List<LossTerm> losses;
    private final Optional<LabellerBinding> labeller;
    private final int viewCount;
    private final int supportCount;
    private final int localCount;
    private final INDArray[] localOutputs;
    private final INDArray[] localErrors;
    private final int n;
    private final LabelContext context;
    private final int iteration;
    private final double rate;
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private double total;
    private long labelNanos;
    private long lossNanos;
    private INDArray features = Nd4j.empty();
    private final List<INDArray> owned = new ArrayList<>();

    LossPhase(
            List<String> heads,
            List<LossTerm> losses,
            Optional<LabellerBinding> labeller,
            Batch batch,
            INDArray[] localOutputs) {
        this.heads = heads;
        this.localCount = batch.localCount();
        this.localOutputs = localOutputs.clone();
        this.localErrors = new INDArray[heads.size()];
        this.losses = losses;
        this.labeller = labeller;
        this.viewCount = batch.viewCount();
        this.supportCount = batch.supportCount();
        this.n = batch.n();
        this.context = batch.context();
        this.iteration = batch.iteration();
        this.rate = batch.rate();
    }

    /** Loss values per term and weak-label statistics, once {@link #errors} has run. */
    Map<String, Double> metrics() {
        return metrics;
    }

    /** The weighted total loss. */
    double total() {
        return total;
    }

    long labelNanos() {
        return labelNanos;
    }

    long lossNanos() {
        return lossNanos;
    }

    /**
     * Frees the arrays this phase allocated (embeddings, gradients, errors) once the backward pass
     * has consumed the errors, so that native memory does not wait for the garbage collector.
     */
    void release() {
        for (INDArray array : owned) {
            if (array.closeable() && !array.wasClosed()) {
                array.close();
            }
        }
        owned.clear();
    }

    /**
     * The errors of the local forward pass, one {@code [M * n, dim]} per head in graph-output order
     * (zeros for heads no loss reads locally), once {@link #errors} has run.
     */
    INDArray[] localErrors() {
        return localErrors.clone();
    }

    /** Detached pooled features of the first global view, {@code [n, featureSize]}. */
    INDArray features() {
        return features;
    }

    @Override
    public INDArray[] errors(INDArray[] outputs, INDArray pooled) {
        features = pooled;

        // project: split each head's output into its global views (and support views)
        Map<String, List<INDArray>> embeddings = new LinkedHashMap<>();
        Map<String, List<INDArray>> supportEmbeddings = new LinkedHashMap<>();
        Map<String, List<INDArray>> localEmbeddings = new LinkedHashMap<>();
        for (int h = 0; h < heads.size(); h++) {
            requireFiniteNorms(outputs[h], "head '" + heads.get(h) + "' embeddings");
            List<INDArray> views = split(outputs[h], viewCount + supportCount);
            embeddings.put(heads.get(h), views.subList(0, viewCount));
            supportEmbeddings.put(heads.get(h), views.subList(viewCount, views.size()));
            List<INDArray> local = List.of();
            if (localCount > 0) {
                requireFiniteNorms(localOutputs[h], "head '" + heads.get(h) + "' local embeddings");
                local = split(localOutputs[h], localCount);
                localErrors[h] = Nd4j.zeros(localOutputs[h].dataType(), localOutputs[h].shape());
                owned.add(localErrors[h]);
                owned.add(localOutputs[h]);
            }
            localEmbeddings.put(heads.get(h), local);
        }

        // label
        long start = System.nanoTime();
        List<WeakLabels> labels = label(embeddings, supportEmbeddings);
        labelNanos = System.nanoTime() - start;

        // loss
        start = System.nanoTime();
        Map<String, INDArray> errors = new LinkedHashMap<>();
        for (LossTerm term : losses) {
            LossResult result =
                    term.loss()
                            .compute(
                                    new LossInput(
                                            embeddings.get(term.head()),
                                            localEmbeddings.get(term.head()),
                                            labels));
            check(term, result, embeddings.get(term.head()));
            checkLocal(term, result, localEmbeddings.get(term.head()));
            metrics.put("loss/" + term.name(), result.value());
            total += term.weight() * result.value();
            INDArray error =
                    errors.computeIfAbsent(
                            term.head(),
                            head ->
                                    Nd4j.zeros(
                                            outputs[heads.indexOf(head)].dataType(),
                                            outputs[heads.indexOf(head)].shape()));
            for (int v = 0; v < viewCount; v++) {
                INDArray gradient = result.globalGradients().get(v);
                INDArray weighted = gradient.castTo(error.dataType()).mul(term.weight());
                rows(error, v).addi(weighted);
                weighted.close();
                owned.add(gradient);
            }
            INDArray localError = localErrors[heads.indexOf(term.head())];
            for (int m = 0; m < localCount; m++) {
                INDArray gradient = result.localGradients().get(m);
                INDArray weighted = gradient.castTo(localError.dataType()).mul(term.weight());
                rows(localError, m).addi(weighted);
                weighted.close();
                owned.add(gradient);
            }
        }
        lossNanos = System.nanoTime() - start;

        // errors in graph-output order; heads without a loss get zeros
        INDArray[] ordered = new INDArray[heads.size()];
        for (int h = 0; h < heads.size(); h++) {
            INDArray error = errors.get(heads.get(h));
            ordered[h] =
                    error != null ? error : Nd4j.zeros(outputs[h].dataType(), outputs[h].shape());
            owned.add(ordered[h]);
            outputs[h].close();
        }
        return ordered;
    }

    private List<WeakLabels> label(
            Map<String, List<INDArray>> embeddings, Map<String, List<INDArray>> support) {
        if (labeller.isEmpty()) {
            return List.of();
        }
        LabellerBinding binding = labeller.get();
        LabelContext labelContext =
                supportCount == 0 ? context : context.withSupportViews(support.get(binding.head()));
        List<WeakLabels> labels = new ArrayList<>();
        WeakLabelStatistics statistics = new WeakLabelStatistics();
        for (INDArray view : embeddings.get(binding.head())) {
            // a copy, so that a labeller writing into its input cannot change what the losses read
            INDArray copy = view.dup();
            owned.add(copy);
            WeakLabels viewLabels = binding.labeller().label(copy, labelContext);
            if (viewLabels.size() != n) {
                throw new IllegalArgumentException(
                        "labeller: expected labels for "
                                + n
                                + " batch members, found "
                                + viewLabels.size()
                                + "; return one label per row of the embeddings");
            }
            for (int i = 0; i < n; i++) {
                if (viewLabels.isPositive(i, i)) {
                    throw new IllegalArgumentException(
                            "labeller: expected no batch member to be its own positive, found"
                                    + " isPositive("
                                    + i
                                    + ", "
                                    + i
                                    + ") true; an image is never its own positive, so return"
                                    + " false for equal indices");
                }
            }
            labels.add(viewLabels);
            statistics.add(viewLabels, context.trueLabels());
        }
        metrics.put("weak/components", statistics.meanComponents());
        if (statistics.hasClasses()) {
            metrics.put("weak/precision", statistics.precision());
            metrics.put("weak/recall", statistics.recall());
        }
        metrics.put("weak/reciprocity", statistics.reciprocity());
        metrics.putAll(statistics.sizeShares());
        return labels;
    }

    private void check(LossTerm term, LossResult result, List<INDArray> inputs) {
        if (!Double.isFinite(result.value())) {
            throw diverged("loss term '" + term.name() + "' gave the value " + result.value());
        }
        if (result.globalGradients().size() != viewCount) {
            throw new IllegalArgumentException(
                    "loss term '"
                            + term.name()
                            + "': expected "
                            + viewCount
                            + " global gradients, found "
                            + result.globalGradients().size());
        }
        for (int v = 0; v < viewCount; v++) {
            INDArray gradient = result.globalGradients().get(v);
            if (!Arrays.equals(gradient.shape(), inputs.get(v).shape())) {
                throw new IllegalArgumentException(
                        "loss term '"
                                + term.name()
                                + "': expected a gradient of shape "
                                + Arrays.toString(inputs.get(v).shape())
                                + " for view "
                                + v
                                + ", found "
                                + Arrays.toString(gradient.shape()));
            }
            requireFinite(gradient, "loss term '" + term.name() + "' gradient of view " + v);
        }
    }

    private void checkLocal(LossTerm term, LossResult result, List<INDArray> inputs) {
        if (result.localGradients().size() != localCount) {
            throw new IllegalArgumentException(
                    "loss term '"
                            + term.name()
                            + "': expected "
                            + localCount
                            + " local gradients, found "
                            + result.localGradients().size());
        }
        for (int m = 0; m < localCount; m++) {
            INDArray gradient = result.localGradients().get(m);
            if (!Arrays.equals(gradient.shape(), inputs.get(m).shape())) {
                throw new IllegalArgumentException(
                        "loss term '"
                                + term.name()
                                + "': expected a gradient of shape "
                                + Arrays.toString(inputs.get(m).shape())
                                + " for local crop "
                                + m
                                + ", found "
                                + Arrays.toString(gradient.shape()));
            }
            requireFinite(gradient, "loss term '" + term.name() + "' gradient of local crop " + m);
        }
    }

    private void requireFinite(INDArray values, String what) {
        if (BooleanIndexing.or(values, Conditions.notFinite())) {
            throw diverged(what + " holds NaN or infinite values");
        }
    }

    /**
     * Finite values whose row norms are finite too: a row of huge but finite values would make the
     * labeller and the losses fail on its norm, with a message about the embeddings rather than
     * about the step that diverged.
     */
    private void requireFiniteNorms(INDArray values, String what) {
        requireFinite(values, what);
        INDArray norms = values.norm2(1);
        boolean overflow = BooleanIndexing.or(norms, Conditions.notFinite());
        norms.close();
        if (overflow) {
            throw diverged(what + " have rows whose norm overflows " + values.dataType());
        }
    }

    private IllegalArgumentException diverged(String what) {
        return new IllegalArgumentException(
                what
                        + " at step "
                        + iteration
                        + " (learning rate "
                        + rate
                        + "); the parameters were not changed. Training has diverged: lower"
                        + " the learning rate or raise the temperature");
    }

    private List<INDArray> split(INDArray output, int count) {
        List<INDArray> views = new ArrayList<>(count);
        for (int v = 0; v < count; v++) {
            INDArray view = rows(output, v).dup();
            owned.add(view);
            views.add(view);
        }
        return views;
    }

    private INDArray rows(INDArray array, int view) {
        return array.get(
                NDArrayIndex.interval((long) view * n, (long) (view + 1) * n), NDArrayIndex.all());
    }
}
