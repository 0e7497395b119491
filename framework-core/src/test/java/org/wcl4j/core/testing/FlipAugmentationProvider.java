package org.wcl4j.core.testing;

import java.util.List;
import org.wcl4j.api.augment.Augmentation;
import org.wcl4j.api.augment.AugmentationProvider;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;
import org.wcl4j.api.plugin.Settings;

/** {@code flip}: mirrors an image left to right with a given probability. */
public final class FlipAugmentationProvider
        implements AugmentationProvider<FlipAugmentationProvider.Flip> {

    /**
     * @param probability chance of flipping, in [0, 1]
     */
    public record Flip(double probability) implements Settings {
        @Override
        public List<String> problems() {
            return probability >= 0 && probability <= 1
                    ? List.of()
                    : List.of("probability: expected a value in [0, 1], found " + probability);
        }
    }

    @Override
    public String name() {
        return "flip";
    }

    @Override
    public String description() {
        return "test double: horizontal flip";
    }

    @Override
    public Flip defaults() {
        return new Flip(0.5);
    }

    @Override
    public Augmentation create(Flip settings) {
        return (image, random) -> {
            if (random.nextDouble() >= settings.probability()) {
                return image;
            }
            ImageShape shape = image.shape();
            float[] flipped = new float[shape.length()];
            for (int c = 0; c < shape.channels(); c++) {
                for (int y = 0; y < shape.height(); y++) {
                    for (int x = 0; x < shape.width(); x++) {
                        flipped[(c * shape.height() + y) * shape.width() + x] =
                                image.at(c, y, shape.width() - 1 - x);
                    }
                }
            }
            return new Image(flipped, shape);
        };
    }
}
