/**
 * Augmentations and crop strategies: how a batch of images becomes views (steps 1 and 2 of the
 * training step).
 *
 * <p>Augmentations, in the order SimCLR (Chen et al., ICML 2020) and WCL (Zheng et al., ICCV 2021)
 * apply them to grey images:
 *
 * <ul>
 *   <li>{@code random-resized-crop} ({@link org.wcl4j.augment.RandomResizedCropAugmentation}): a
 *       crop of random area and aspect ratio, resized bilinearly;
 *   <li>{@code horizontal-flip} ({@link org.wcl4j.augment.HorizontalFlipAugmentation}): a mirror
 *       image with some probability;
 *   <li>{@code grey-jitter} ({@link org.wcl4j.augment.GreyJitterAugmentation}): random brightness
 *       and contrast.
 * </ul>
 *
 * <p>Every augmentation is pure: it never modifies its input, keeps no state between calls and
 * takes all randomness from the {@link java.util.Random} it is given, in an order documented on the
 * class, so one generator seed always gives the same pixels. The crop strategy {@code two-views}
 * ({@link org.wcl4j.augment.TwoViewsCropStrategy}) derives one generator per view with {@link
 * org.wcl4j.api.augment.Seeds#forView}.
 */
@NullMarked
package org.wcl4j.augment;

import org.jspecify.annotations.NullMarked;
