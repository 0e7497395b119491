package org.wcl4j.augment;

import java.util.Random;
import org.wcl4j.api.augment.Augmentation;
import org.wcl4j.api.augment.AugmentationPipeline;
import org.wcl4j.api.data.Image;

/**
 * A weak pipeline for the first {@code E} epochs, a strong one after: WCL's recipe on ImageNet-100
 * (Zheng et al., ICCV 2021, Sec. 4), with {@code moco-v2} as the weak and {@code simclr} as the
 * strong pipeline.
 *
 * <p>{@link #forEpoch}{@code (e)} is the weak pipeline for {@code e < E} and the strong one from
 * {@code e = E} on; crop strategies ask for it through {@code CropRequest.epochPipeline()}. Called
 * directly, {@link #apply} behaves as in epoch 0.
 */
public final class AugmentationSchedule implements Augmentation {

    private final AugmentationPipeline weak;
    private final AugmentationPipeline strong;
    private final int weakEpochs;

    /**
     * @param weak the pipeline of epochs {@code 0 .. weakEpochs - 1}
     * @param strong the pipeline of every later epoch
     * @param weakEpochs {@code E >= 0}
     */
    public AugmentationSchedule(
            AugmentationPipeline weak, AugmentationPipeline strong, int weakEpochs) {
        if (weakEpochs < 0) {
            throw new IllegalArgumentException(
                    "augmentation schedule: expected weakEpochs >= 0, found " + weakEpochs);
        }
        this.weak = weak;
        this.strong = strong;
        this.weakEpochs = weakEpochs;
    }

    @Override
    public Augmentation forEpoch(int epoch) {
        return (epoch < weakEpochs ? weak : strong).forEpoch(epoch);
    }

    @Override
    public Image apply(Image image, Random random) {
        return forEpoch(0).apply(image, random);
    }
}
