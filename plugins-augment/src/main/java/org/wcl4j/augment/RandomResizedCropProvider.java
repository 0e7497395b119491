package org.wcl4j.augment;

import com.google.auto.service.AutoService;
import org.wcl4j.api.augment.Augmentation;
import org.wcl4j.api.augment.AugmentationProvider;

/** Registers {@link RandomResizedCropAugmentation} as {@code random-resized-crop}. */
@AutoService(AugmentationProvider.class)
@SuppressWarnings("rawtypes") // AutoService cannot name the generic family interface exactly
public final class RandomResizedCropProvider
        implements AugmentationProvider<RandomResizedCropSettings> {

    /** The name configs use. */
    public static final String NAME = "random-resized-crop";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "crop of random area and aspect ratio, resized bilinearly (SimCLR)";
    }

    @Override
    public RandomResizedCropSettings defaults() {
        return RandomResizedCropSettings.defaults();
    }

    @Override
    public Augmentation create(RandomResizedCropSettings settings) {
        return new RandomResizedCropAugmentation(settings);
    }
}
