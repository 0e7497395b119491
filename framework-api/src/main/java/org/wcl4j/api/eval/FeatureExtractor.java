package org.wcl4j.api.eval;

import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.api.data.DatasetSplit;

/**
 * Gives the trained encoder's pooled features, in inference mode, without augmentation; and, where
 * it runs a real network, a {@link FineTuner} that trains a copy of it.
 */
public interface FeatureExtractor {

    /** The name of the pooled encoder features, where features are taken unless asked otherwise. */
    String POOLED = "pooled";

    /**
     * Features of every image of a split.
     *
     * @return {@code [split.size(), featureSize]}, row {@code i} for image {@code i}; owned by the
     *     caller
     */
    INDArray features(DatasetSplit split);

    /**
     * Features of every image of a split taken at a named point of the network: {@link #POOLED}, or
     * a vertex of a projection head such as {@code head-g/relu} (the output of the first layer of
     * head {@code g}, one of the two starting points of the WCL paper's semi-supervised
     * evaluation). This default knows only {@link #POOLED}.
     *
     * @return {@code [split.size(), size]}, row {@code i} for image {@code i}; owned by the caller
     * @throws IllegalArgumentException for a point this extractor does not know, naming those it
     *     does
     */
    default INDArray features(DatasetSplit split, String layer) {
        if (POOLED.equals(layer)) {
            return features(split);
        }
        throw new IllegalArgumentException(
                "expected features at '"
                        + POOLED
                        + "', the only point known here, found '"
                        + layer
                        + "'");
    }

    /**
     * Fine-tuning of a copy of the encoder behind these features, for protocols that train the
     * network rather than read frozen features (the semi-supervised evaluation). This default has
     * none: features fixed in advance have no network to train.
     */
    default Optional<FineTuner> fineTuner() {
        return Optional.empty();
    }
}
