package org.wcl4j.augment;

import java.util.Random;
import org.wcl4j.api.augment.Augmentation;
import org.wcl4j.api.data.Image;

/**
 * Turns a view grey with a given probability: the random greyscale of SimCLR's colour distortion
 * (Chen et al., ICML 2020, appendix A), torchvision's {@code RandomGrayscale}. Every channel of a
 * pixel becomes the pixel's grey level (the BT.601 luma for three channels, the channel mean for
 * other counts), so the image keeps its channel count.
 *
 * <p><b>Single-channel (grey) images</b> are already grey: they come back as an unchanged copy,
 * whatever the draw.
 *
 * <p>Draws one {@code nextDouble()} per image, and turns it grey when it is below the probability.
 */
public final class RandomGreyscaleAugmentation implements Augmentation {

    private final RandomGreyscaleSettings settings;

    /**
     * Makes the augmentation.
     *
     * @throws IllegalArgumentException when the probability is outside {@code [0, 1]}
     */
    public RandomGreyscaleAugmentation(RandomGreyscaleSettings settings) {
        SettingsChecks.require(RandomGreyscaleProvider.NAME, settings.problems());
        this.settings = settings;
    }

    /** The settings this augmentation was made with. */
    public RandomGreyscaleSettings settings() {
        return settings;
    }

    @Override
    public Image apply(Image image, Random random) {
        float[] pixels = image.pixels().clone();
        if (random.nextDouble() < settings.probability()) {
            Colours.toGrey(pixels, image.shape());
        }
        return new Image(pixels, image.shape());
    }
}
