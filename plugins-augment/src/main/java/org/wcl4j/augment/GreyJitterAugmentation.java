package org.wcl4j.augment;

import java.util.Random;
import org.wcl4j.api.augment.Augmentation;
import org.wcl4j.api.data.Image;

/**
 * Random brightness and contrast for grey images: the brightness and contrast part of SimCLR's
 * colour distortion (Chen et al., ICML 2020, appendix A), as torchvision's {@code ColorJitter}
 * applies them, wrapped in a {@code RandomApply} with the given probability.
 *
 * <p>With brightness factor {@code b} and contrast factor {@code c}:
 *
 * <ul>
 *   <li>brightness: {@code x' = clip(b x)};
 *   <li>contrast: {@code x' = clip(c x + (1 - c) m) = clip(m + c (x - m))}, where {@code m} is the
 *       mean grey level of the image as it is at that point.
 * </ul>
 *
 * {@code clip} limits to {@code [0, 1]} after each of the two operations. The two run in random
 * order. A multi-channel image gets the same factors on every channel of every pixel, and {@code m}
 * is the mean of its grey version: the ITU-R BT.601 luma {@code 0.2989 R + 0.587 G + 0.114 B} for
 * three channels (as torchvision), the plain channel average for any other count. Images not
 * jittered come back as an unchanged copy.
 *
 * <p>Draws from the generator, in order: {@code nextDouble()}, and the image is jittered when it is
 * below the probability (otherwise nothing more is drawn); {@code nextDouble()} for {@code b ~
 * U[max(0, 1 - brightness), 1 + brightness]}; {@code nextDouble()} for {@code c ~ U[max(0, 1 -
 * contrast), 1 + contrast]}; {@code nextBoolean()}, true meaning brightness first.
 */
public final class GreyJitterAugmentation implements Augmentation {

    private final GreyJitterSettings settings;

    /**
     * Makes the augmentation.
     *
     * @throws IllegalArgumentException when the settings have problems
     */
    public GreyJitterAugmentation(GreyJitterSettings settings) {
        SettingsChecks.require(GreyJitterProvider.NAME, settings.problems());
        this.settings = settings;
    }

    /** The settings this augmentation was made with. */
    public GreyJitterSettings settings() {
        return settings;
    }

    @Override
    public Image apply(Image image, Random random) {
        float[] pixels = image.pixels().clone();
        if (random.nextDouble() >= settings.probability()) {
            return new Image(pixels, image.shape());
        }

        // Draw both factors and the order before touching a pixel.
        double brightness = factor(random, settings.brightness());
        double contrast = factor(random, settings.contrast());
        boolean brightnessFirst = random.nextBoolean();

        if (brightnessFirst) {
            Colours.scale(pixels, brightness);
            Colours.blendWithMean(pixels, image.shape(), contrast);
        } else {
            Colours.blendWithMean(pixels, image.shape(), contrast);
            Colours.scale(pixels, brightness);
        }
        return new Image(pixels, image.shape());
    }

    /** A factor from {@code U[max(0, 1 - strength), 1 + strength)}. */
    private static double factor(Random random, double strength) {
        double low = Math.max(0, 1 - strength);
        double high = 1 + strength;
        return low + (high - low) * random.nextDouble();
    }
}
