package org.wcl4j.api.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * How {@link FineTuner} trains a copy of the encoder with a new linear softmax classifier on top:
 * the semi-supervised fine-tuning of SimCLR (Chen et al., 2020, Appendix B.5) that the WCL paper
 * (Zheng et al., ICCV 2021, Sec. 4.2) follows. Every layer of the copy is trained, by mini-batch
 * SGD with heavy-ball momentum and a cosine learning rate from {@code learningRate} down to 0 over
 * all steps, without warm-up.
 *
 * @param start where the classifier reads: {@code pooled} (default), the encoder's pooled features,
 *     or a vertex of a projection head such as {@code head-g/relu}, the output of the first layer
 *     of an {@code mlp} head {@code g}; the copy then keeps that head up to the vertex
 * @param epochs passes over the labelled images; in {@code [1, 10000]}, default 30
 * @param batchSize labelled images per step; at least 1, default 64 (the last batch of an epoch may
 *     be smaller)
 * @param learningRate the initial rate of the cosine schedule; in {@code (0, 100]}, default 0.05
 * @param momentum heavy-ball momentum; in {@code [0, 1)}, default 0.9
 * @param weightDecay L2 penalty on convolution and dense weights (not on biases or BatchNorm); in
 *     {@code [0, 1]}, default 0 (SimCLR fine-tunes without it)
 * @param augment whether each labelled image goes through the run's augmentation pipeline, drawn
 *     anew in every epoch; default false (the images as stored)
 * @param seed orders the batches and draws the augmentations; the same seed gives the same result
 */
public record FineTuneSettings(
        String start,
        int epochs,
        int batchSize,
        double learningRate,
        double momentum,
        double weightDecay,
        boolean augment,
        long seed) {

    /** The documented defaults, starting from the pooled features. */
    public static FineTuneSettings defaults() {
        return new FineTuneSettings(FeatureExtractor.POOLED, 30, 64, 0.05, 0.9, 0.0, false, 1);
    }

    /** One message per setting out of range, each naming the setting; empty when all are valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (start.isBlank()) {
            problems.add("start: expected 'pooled' or a head vertex such as head-g/relu, found ''");
        }
        if (epochs < 1 || epochs > 10_000) {
            problems.add("epochs: expected a value in [1, 10000], found " + epochs);
        }
        if (batchSize < 1) {
            problems.add("batchSize: expected a positive number of images, found " + batchSize);
        }
        if (!(learningRate > 0 && learningRate <= 100)) {
            problems.add("learningRate: expected a value in (0, 100], found " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            problems.add("momentum: expected a value in [0, 1), found " + momentum);
        }
        if (!(weightDecay >= 0 && weightDecay <= 1)) {
            problems.add("weightDecay: expected a value in [0, 1], found " + weightDecay);
        }
        return problems;
    }
}
