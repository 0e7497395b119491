package org.wcl4j.api.eval;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.api.data.DatasetSplit;

/** Gives the trained encoder's pooled features, in inference mode, without augmentation. */
public interface FeatureExtractor {

    /**
     * Features of every image of a split.
     *
     * @return {@code [split.size(), featureSize]}, row {@code i} for image {@code i}; owned by the
     *     caller
     */
    INDArray features(DatasetSplit split);
}
