package org.wcl4j.augment;

import java.util.List;
import org.wcl4j.api.augment.AugmentationPipeline;

/**
 * The augmentation pipelines of the papers, each a list of this module's augmentations.
 *
 * <p>{@code simclr} (Chen et al., ICML 2020, appendix A; WCL's strong augmentation):
 *
 * <ol>
 *   <li>{@code random-resized-crop}, scale {@code [minScale, 1]} (0.08), ratio {@code [3/4, 4/3]};
 *   <li>{@code horizontal-flip}, probability 0.5;
 *   <li>{@code colour-jitter} of strength {@code s} (1.0), probability 0.8;
 *   <li>{@code random-greyscale}, probability 0.2;
 *   <li>{@code gaussian-blur}, sigma {@code [0.1, 2]}, kernel a tenth of the image, probability
 *       {@code blurProbability} (0: off for small images).
 * </ol>
 *
 * <p>{@code moco-v2} (Chen et al., 2020, "Improved baselines with momentum contrastive learning";
 * WCL's weak augmentation): the same steps with scale {@code [0.2, 1]} and jitter strength 0.5,
 * that is brightness, contrast and saturation 0.4 and hue 0.1.
 *
 * <p>On grey images the jitter is brightness and contrast and greyscale changes nothing (see {@link
 * ColourJitterAugmentation} and {@link RandomGreyscaleAugmentation}).
 */
final class NamedPipelines {

    private NamedPipelines() {}

    /** The five steps above with the given settings. */
    static AugmentationPipeline of(PipelineSettings settings) {
        SettingsChecks.require("augmentation pipeline", settings.problems());
        return new AugmentationPipeline(
                List.of(
                        new RandomResizedCropAugmentation(
                                new RandomResizedCropSettings(
                                        settings.minScale(),
                                        1.0,
                                        0.75,
                                        4.0 / 3.0,
                                        settings.size())),
                        new HorizontalFlipAugmentation(HorizontalFlipSettings.defaults()),
                        new ColourJitterAugmentation(
                                new ColourJitterSettings(settings.strength(), 0.8)),
                        new RandomGreyscaleAugmentation(RandomGreyscaleSettings.defaults()),
                        new GaussianBlurAugmentation(
                                GaussianBlurSettings.defaults()
                                        .withProbability(settings.blurProbability()))));
    }
}
