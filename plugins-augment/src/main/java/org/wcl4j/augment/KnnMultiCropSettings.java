package org.wcl4j.augment;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of {@code knn-multi-crop}: those of {@code multi-crop} (see {@link MultiCropSettings})
 * and two of its own.
 *
 * @param localCrops local crops {@code M} per image, {@code >= 1}; default 6
 * @param localSize side of a local crop in pixels; 0 (default) for half the image
 * @param localMinScale smallest local crop area fraction; default 0.05
 * @param localMaxScale largest local crop area fraction; default 0.14
 * @param neighbours {@code K}, the nearest images (by cosine similarity of the encoder's pooled
 *     features) that local crops are cut from; {@code >= 1} and below the number of training
 *     images; default 5
 * @param warmupEpochs epochs at the start that behave exactly as {@code multi-crop}; the K-NN crops
 *     start in epoch {@code max(warmupEpochs, 1)} (counted from 0), since the first neighbours
 *     exist only after one epoch; {@code >= 0}; default 1
 */
public record KnnMultiCropSettings(
        int localCrops,
        int localSize,
        double localMinScale,
        double localMaxScale,
        int neighbours,
        int warmupEpochs)
        implements Settings {

    /** The defaults: 2 + 6 crops as in {@code multi-crop}, 5 neighbours, one warm-up epoch. */
    public static KnnMultiCropSettings defaults() {
        MultiCropSettings crops = MultiCropSettings.defaults();
        return new KnnMultiCropSettings(
                crops.localCrops(),
                crops.localSize(),
                crops.localMinScale(),
                crops.localMaxScale(),
                5,
                1);
    }

    /** The multi-crop part. */
    MultiCropSettings multiCrop() {
        return new MultiCropSettings(localCrops, localSize, localMinScale, localMaxScale);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>(multiCrop().problems());
        if (neighbours < 1) {
            problems.add("neighbours: expected a value >= 1, found " + neighbours);
        }
        if (warmupEpochs < 0) {
            problems.add("warmupEpochs: expected a value >= 0, found " + warmupEpochs);
        }
        return problems;
    }
}
