package org.wcl4j.augment;

import java.util.Random;
import org.wcl4j.api.augment.Augmentation;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;

/**
 * SimCLR's colour jitter of strength {@code s} (Chen et al., ICML 2020, appendix A): random
 * brightness, contrast, saturation and hue, the four in a random order, the whole jitter applied to
 * a view with a given probability (0.8 in the paper), as torchvision's {@code ColorJitter(0.8 s,
 * 0.8 s, 0.8 s, 0.2 s)} inside a {@code RandomApply}.
 *
 * <p>With factors {@code b}, {@code c}, {@code a} (saturation) and hue shift {@code h}, each
 * operation followed by clipping to {@code [0, 1]}:
 *
 * <ul>
 *   <li>brightness: {@code x' = b x};
 *   <li>contrast: {@code x' = c x + (1 - c) m}, {@code m} the mean grey level of the whole image;
 *   <li>saturation: {@code x' = a x + (1 - a) g}, {@code g} the grey level of the same pixel;
 *   <li>hue: the pixel's hue in HSV moves by {@code h} turns, saturation and value kept.
 * </ul>
 *
 * The grey level of a pixel is the ITU-R BT.601 luma {@code 0.2989 R + 0.587 G + 0.114 B} for three
 * channels (as torchvision) and the plain channel mean otherwise.
 *
 * <p><b>Single-channel (grey) images.</b> A grey pixel equals its own grey level and has no hue, so
 * saturation and hue leave it unchanged: on a grey image this is brightness and contrast in random
 * order, the part of the distortion that means something there. Hue needs exactly three channels;
 * other channel counts above one get brightness, contrast and saturation.
 *
 * <p>Draws from the generator, in order: {@code nextDouble()}, and the image is jittered when it is
 * below the probability (otherwise nothing more is drawn); three {@code nextInt} for the order (a
 * Fisher-Yates shuffle of brightness, contrast, saturation, hue: {@code nextInt(4)}, {@code
 * nextInt(3)}, {@code nextInt(2)}, each picking the operation to swap into positions 3, 2, 1); then
 * {@code nextDouble()} for each of {@code b}, {@code c}, {@code a} from {@code U[max(0, 1 - 0.8 s),
 * 1 + 0.8 s]} and {@code h} from {@code U[-0.2 s, 0.2 s]}, in that order, whatever the image.
 */
public final class ColourJitterAugmentation implements Augmentation {

    private static final int BRIGHTNESS = 0;
    private static final int CONTRAST = 1;
    private static final int SATURATION = 2;
    private static final int HUE = 3;

    private final ColourJitterSettings settings;

    /**
     * Makes the augmentation.
     *
     * @throws IllegalArgumentException when the settings have problems
     */
    public ColourJitterAugmentation(ColourJitterSettings settings) {
        SettingsChecks.require(ColourJitterProvider.NAME, settings.problems());
        this.settings = settings;
    }

    /** The settings this augmentation was made with. */
    public ColourJitterSettings settings() {
        return settings;
    }

    @Override
    public Image apply(Image image, Random random) {
        float[] pixels = image.pixels().clone();
        if (random.nextDouble() >= settings.probability()) {
            return new Image(pixels, image.shape());
        }

        // Draw the order and the four factors before touching a pixel.
        int[] order = {BRIGHTNESS, CONTRAST, SATURATION, HUE};
        for (int last = order.length - 1; last > 0; last--) {
            int pick = random.nextInt(last + 1);
            int swap = order[pick];
            order[pick] = order[last];
            order[last] = swap;
        }
        double spread = settings.brightness();
        double[] factors = {
            uniform(random, Math.max(0, 1 - spread), 1 + spread),
            uniform(random, Math.max(0, 1 - spread), 1 + spread),
            uniform(random, Math.max(0, 1 - spread), 1 + spread),
            uniform(random, -settings.hue(), settings.hue())
        };

        ImageShape shape = image.shape();
        for (int operation : order) {
            double factor = factors[operation];
            switch (operation) {
                case BRIGHTNESS -> Colours.scale(pixels, factor);
                case CONTRAST -> Colours.blendWithMean(pixels, shape, factor);
                case SATURATION -> Colours.blendWithGrey(pixels, shape, factor);
                default -> Colours.shiftHue(pixels, shape, factor);
            }
        }
        return new Image(pixels, shape);
    }

    private static double uniform(Random random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }
}
