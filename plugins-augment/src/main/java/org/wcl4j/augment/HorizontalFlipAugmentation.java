package org.wcl4j.augment;

import java.util.Random;
import org.wcl4j.api.augment.Augmentation;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;

/**
 * Mirrors an image left to right with a given probability: column {@code x} of every row of every
 * channel moves to {@code width - 1 - x}. Otherwise returns an unchanged copy.
 *
 * <p>Draws one {@code nextDouble()} from the generator per image and flips when it is below the
 * probability.
 */
public final class HorizontalFlipAugmentation implements Augmentation {

    private final HorizontalFlipSettings settings;

    /**
     * Makes the augmentation.
     *
     * @throws IllegalArgumentException when the probability is outside {@code [0, 1]}
     */
    public HorizontalFlipAugmentation(HorizontalFlipSettings settings) {
        SettingsChecks.require(HorizontalFlipProvider.NAME, settings.problems());
        this.settings = settings;
    }

    /** The settings this augmentation was made with. */
    public HorizontalFlipSettings settings() {
        return settings;
    }

    @Override
    public Image apply(Image image, Random random) {
        if (random.nextDouble() >= settings.probability()) {
            return new Image(image.pixels().clone(), image.shape());
        }
        ImageShape shape = image.shape();
        int width = shape.width();
        float[] source = image.pixels();
        float[] target = new float[source.length];
        for (int row = 0; row < shape.channels() * shape.height(); row++) {
            int start = row * width;
            for (int x = 0; x < width; x++) {
                target[start + x] = source[start + width - 1 - x];
            }
        }
        return new Image(target, shape);
    }
}
