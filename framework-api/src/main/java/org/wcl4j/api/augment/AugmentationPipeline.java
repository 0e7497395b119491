package org.wcl4j.api.augment;

import java.util.List;
import java.util.Random;
import org.wcl4j.api.data.Image;

/**
 * Augmentations applied in order, each drawing from the same generator. A step may itself be a
 * pipeline (a named pipeline such as {@code simclr} is one).
 *
 * @param steps the augmentations, first applied first; empty means identity
 */
public record AugmentationPipeline(List<Augmentation> steps) implements Augmentation {

    public AugmentationPipeline {
        steps = List.copyOf(steps);
    }

    @Override
    public Image apply(Image image, Random random) {
        Image result = image;
        for (Augmentation step : steps) {
            result = step.apply(result, random);
        }
        return result;
    }

    /** The pipeline of {@code epoch}: every step replaced by its own {@code forEpoch(epoch)}. */
    @Override
    public AugmentationPipeline forEpoch(int epoch) {
        return new AugmentationPipeline(steps.stream().map(step -> step.forEpoch(epoch)).toList());
    }
}
