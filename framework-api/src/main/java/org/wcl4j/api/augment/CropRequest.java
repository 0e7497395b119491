package org.wcl4j.api.augment;

import org.wcl4j.api.data.DatasetSplit;

/**
 * A batch to turn into views.
 *
 * @param split the images, addressed by {@code indices}
 * @param indices positions in {@code split} of the batch members, in batch order
 * @param pipeline the augmentations to apply to every view
 * @param runSeed the run's seed; with {@link Seeds#forView} it fixes every random choice
 * @param epoch the current epoch, from 0
 */
public record CropRequest(
        DatasetSplit split, int[] indices, AugmentationPipeline pipeline, long runSeed, int epoch) {

    /** The pipeline as it applies in this request's epoch ({@link Augmentation#forEpoch}). */
    public AugmentationPipeline epochPipeline() {
        return pipeline.forEpoch(epoch);
    }
}
