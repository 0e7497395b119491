package org.wcl4j.api.augment;

import java.util.Random;
import org.wcl4j.api.data.Image;

/**
 * One random image transformation. Stateless: all randomness comes from the generator, so the same
 * image and the same generator state give the same result.
 */
public interface Augmentation {

    /**
     * Transforms one image.
     *
     * @param image the input, never modified
     * @param random the generator of this view of this image
     * @return a new image (its shape may differ, for example after a resized crop)
     */
    Image apply(Image image, Random random);

    /**
     * The augmentation to use in one epoch. An augmentation whose behaviour changes during training
     * (a schedule of pipelines) returns what it does in {@code epoch}; every other one returns
     * itself, the default. Crop strategies call it through {@link CropRequest#epochPipeline()}.
     *
     * @param epoch the epoch, from 0
     */
    default Augmentation forEpoch(int epoch) {
        return this;
    }
}
