package org.wcl4j.augment;

import com.google.auto.service.AutoService;
import org.wcl4j.api.augment.Augmentation;
import org.wcl4j.api.augment.AugmentationProvider;

/** Registers {@link RandomGreyscaleAugmentation} as {@code random-greyscale}. */
@AutoService(AugmentationProvider.class)
@SuppressWarnings("rawtypes") // AutoService cannot name the generic family interface exactly
public final class RandomGreyscaleProvider
        implements AugmentationProvider<RandomGreyscaleSettings> {

    /** The name configs use. */
    public static final String NAME = "random-greyscale";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "turn the view grey with a given probability (no change to grey images)";
    }

    @Override
    public RandomGreyscaleSettings defaults() {
        return RandomGreyscaleSettings.defaults();
    }

    @Override
    public Augmentation create(RandomGreyscaleSettings settings) {
        return new RandomGreyscaleAugmentation(settings);
    }
}
