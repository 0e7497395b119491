package org.wcl4j.core.run;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.data.ImageShape;
import org.wcl4j.api.eval.FeatureExtractor;
import org.wcl4j.api.eval.FineTuner;

/**
 * Features of a whole split, computed in chunks by a function from images {@code [n, channels,
 * height, width]} to features {@code [n, featureSize]} (the network's inference-mode {@code
 * features}). Images are used as stored, without augmentation.
 */
final class SplitFeatures implements FeatureExtractor {

    private final UnaryOperator<INDArray> features;
    private final int chunk;
    private final Optional<FineTuner> fineTuner;

    /**
     * @param features images to features, in inference mode
     * @param chunk images per call
     */
    SplitFeatures(UnaryOperator<INDArray> features, int chunk) {
        this(features, chunk, Optional.empty());
    }

    /**
     * @param features images to features, in inference mode
     * @param chunk images per call
     * @param fineTuner fine-tunes a copy of the network the features come from, if any
     */
    SplitFeatures(UnaryOperator<INDArray> features, int chunk, Optional<FineTuner> fineTuner) {
        if (chunk < 1) {
            throw new IllegalArgumentException("expected a chunk size >= 1, found " + chunk);
        }
        this.features = features;
        this.chunk = chunk;
        this.fineTuner = fineTuner;
    }

    @Override
    public Optional<FineTuner> fineTuner() {
        return fineTuner;
    }

    @Override
    public INDArray features(DatasetSplit split) {
        ImageShape shape = split.shape();
        INDArray result = null;
        for (int start = 0; start < split.size(); start += chunk) {
            int end = Math.min(split.size(), start + chunk);
            float[] pixels = new float[(end - start) * shape.length()];
            for (int i = start; i < end; i++) {
                System.arraycopy(
                        split.image(i).pixels(),
                        0,
                        pixels,
                        (i - start) * shape.length(),
                        shape.length());
            }
            INDArray images =
                    Nd4j.create(
                            pixels,
                            new long[] {
                                end - start, shape.channels(), shape.height(), shape.width()
                            },
                            'c');
            INDArray part = features.apply(images);
            if (result == null) {
                result = Nd4j.create(DataType.FLOAT, split.size(), part.size(1));
            }
            result.get(NDArrayIndex.interval(start, end), NDArrayIndex.all())
                    .assign(part.castTo(DataType.FLOAT));
        }
        if (result == null) {
            throw new IllegalArgumentException("expected a split with images, found an empty one");
        }
        return result;
    }
}
