/**
 * Augmentations and crop strategies: how a batch of images becomes views (steps 1 and 2 of the
 * training step).
 *
 * <p>Augmentations, in the order SimCLR (Chen et al., ICML 2020) and WCL (Zheng et al., ICCV 2021)
 * apply them:
 *
 * <ul>
 *   <li>{@code random-resized-crop} ({@link org.wcl4j.augment.RandomResizedCropAugmentation}): a
 *       crop of random area and aspect ratio, resized bilinearly;
 *   <li>{@code horizontal-flip} ({@link org.wcl4j.augment.HorizontalFlipAugmentation}): a mirror
 *       image with some probability;
 *   <li>{@code colour-jitter} ({@link org.wcl4j.augment.ColourJitterAugmentation}): brightness,
 *       contrast, saturation and hue of strength {@code s} in random order; {@code grey-jitter}
 *       ({@link org.wcl4j.augment.GreyJitterAugmentation}): brightness and contrast only;
 *   <li>{@code random-greyscale} ({@link org.wcl4j.augment.RandomGreyscaleAugmentation});
 *   <li>{@code gaussian-blur} ({@link org.wcl4j.augment.GaussianBlurAugmentation}).
 * </ul>
 *
 * <p>The named pipelines {@code simclr} and {@code moco-v2} stand for the papers' lists of these
 * ({@link org.wcl4j.augment.NamedPipelines}), and {@code moco-v2-then-simclr} ({@link
 * org.wcl4j.augment.AugmentationSchedule}) switches from the one to the other after a number of
 * epochs.
 *
 * <p>Every augmentation is pure: it never modifies its input, keeps no state between calls and
 * takes all randomness from the {@link java.util.Random} it is given, in an order documented on the
 * class, so one generator seed always gives the same pixels. The crop strategies {@code two-views}
 * ({@link org.wcl4j.augment.TwoViewsCropStrategy}), {@code multi-crop} ({@link
 * org.wcl4j.augment.MultiCropStrategy}) and {@code knn-multi-crop} ({@link
 * org.wcl4j.augment.KnnMultiCropStrategy}) derive one generator per view with {@link
 * org.wcl4j.api.augment.Seeds#forView}.
 */
@NullMarked
package org.wcl4j.augment;

import org.jspecify.annotations.NullMarked;
