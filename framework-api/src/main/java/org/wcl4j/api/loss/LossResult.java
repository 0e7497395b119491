package org.wcl4j.api.loss;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loss value and its gradient with respect to each input embedding (before normalisation).
 *
 * @param value mean over anchors, so it does not grow with the batch
 * @param globalGradients one array per global view, shaped as that view's embeddings; owned by the
 *     caller
 * @param localGradients one array per local crop (zeros for crops the loss ignores)
 */
public record LossResult(
        double value, List<INDArray> globalGradients, List<INDArray> localGradients) {

    public LossResult {
        globalGradients = List.copyOf(globalGradients);
        localGradients = List.copyOf(localGradients);
    }
}
