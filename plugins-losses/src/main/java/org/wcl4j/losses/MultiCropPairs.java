package org.wcl4j.losses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.wcl4j.api.loss.LossInput;
import org.wcl4j.api.loss.LossResult;

/**
 * Runs the kernel on every pair (global view {@code v}, local crop {@code m}) of a multi-crop batch
 * and averages: the shared part of {@code nt-xent-multi-crop} and {@code wcl-graph-multi-crop}.
 *
 * <p>For each of the {@code 2 M} pairs the two views {@code [n, d]} are stacked into {@code 2n}
 * rows, global view first: row {@code i} is image {@code i}'s global view, row {@code n + i} its
 * local crop (for K-NN crops, a crop of one of its neighbours). Candidates are every other row of
 * the pair; the positives come from {@link Positives}. The value is the mean of the {@code 2M}
 * kernel values, and each view's gradient is the sum of its pairs' gradients divided by {@code 2M}.
 */
final class MultiCropPairs {

    /** The positive mask of the pair of global view {@code v} with any local crop. */
    interface Positives {

        /**
         * @param view the global view, 0 or 1
         * @param n images in the batch
         * @return {@code [2n][2n]}, rows and columns as in the class notes
         */
        boolean[][] of(int view, int n);
    }

    private MultiCropPairs() {}

    static LossResult compute(
            String name, ContrastiveKernel kernel, LossInput input, Positives positives) {
        List<INDArray> global = LossInputs.twoGlobalViews(name, input);
        List<INDArray> local = localViews(name, input, global.get(0));
        int n = Math.toIntExact(global.get(0).size(0));
        int pairs = 2 * local.size();
        boolean[][] candidates = LossInputs.allButSelf(2 * n);

        // Every (global, local) pair, its gradient split back onto the two views.
        List<INDArray> globalGradients = zerosLike(global);
        List<INDArray> localGradients = zerosLike(local);
        double value = 0;
        for (int v = 0; v < 2; v++) {
            boolean[][] mask = positives.of(v, n);
            for (int m = 0; m < local.size(); m++) {
                INDArray stacked = Nd4j.vstack(global.get(v), local.get(m));
                ContrastiveKernel.Result result = kernel.compute(stacked, mask, candidates);
                value += result.value() / pairs;
                INDArray gradient = result.gradient().divi(pairs);
                globalGradients
                        .get(v)
                        .addi(gradient.get(NDArrayIndex.interval(0, n), NDArrayIndex.all()));
                localGradients
                        .get(m)
                        .addi(gradient.get(NDArrayIndex.interval(n, 2 * n), NDArrayIndex.all()));
                gradient.close();
                stacked.close();
            }
        }
        return new LossResult(value, globalGradients, localGradients);
    }

    /** The local crops, checked: at least one, each shaped and typed as the global views. */
    private static List<INDArray> localViews(String name, LossInput input, INDArray global) {
        List<INDArray> local = input.localViews();
        if (local.isEmpty()) {
            throw new IllegalArgumentException(
                    name
                            + ": expected local crops, found none; use a crop strategy with local"
                            + " crops (multi-crop or knn-multi-crop)");
        }
        for (int m = 0; m < local.size(); m++) {
            INDArray crop = local.get(m);
            if (!Arrays.equals(crop.shape(), global.shape())
                    || crop.dataType() != global.dataType()) {
                throw new IllegalArgumentException(
                        name
                                + ": expected local crop "
                                + m
                                + " with the global views' shape "
                                + Arrays.toString(global.shape())
                                + " and type "
                                + global.dataType()
                                + ", found "
                                + Arrays.toString(crop.shape())
                                + " "
                                + crop.dataType());
            }
            ContrastiveKernel.checkRows(name + ", local crop " + m, crop);
        }
        return local;
    }

    private static List<INDArray> zerosLike(List<INDArray> views) {
        List<INDArray> zeros = new ArrayList<>(views.size());
        for (INDArray view : views) {
            zeros.add(Nd4j.zeros(view.dataType(), view.shape()));
        }
        return zeros;
    }
}
