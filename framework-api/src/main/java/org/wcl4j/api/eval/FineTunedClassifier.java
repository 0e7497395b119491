package org.wcl4j.api.eval;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.api.data.DatasetSplit;

/** The network that {@link FineTuner#fineTune} trained: encoder, start point and classifier. */
public interface FineTunedClassifier {

    /**
     * Class scores (logits, before the softmax) of every image of a split, computed in inference
     * mode (BatchNorm with its running statistics) on the images as stored.
     *
     * @return {@code [split.size(), classes]}, row {@code i} for image {@code i}; owned by the
     *     caller
     */
    INDArray scores(DatasetSplit split);

    /** The mean cross-entropy of the labelled images over the last epoch of fine-tuning. */
    double trainLoss();
}
