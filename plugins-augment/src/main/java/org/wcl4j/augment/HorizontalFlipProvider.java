package org.wcl4j.augment;

import com.google.auto.service.AutoService;
import org.wcl4j.api.augment.Augmentation;
import org.wcl4j.api.augment.AugmentationProvider;

/** Registers {@link HorizontalFlipAugmentation} as {@code horizontal-flip}. */
@AutoService(AugmentationProvider.class)
@SuppressWarnings("rawtypes") // AutoService cannot name the generic family interface exactly
public final class HorizontalFlipProvider implements AugmentationProvider<HorizontalFlipSettings> {

    /** The name configs use. */
    public static final String NAME = "horizontal-flip";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "mirror the image left to right with a given probability";
    }

    @Override
    public HorizontalFlipSettings defaults() {
        return HorizontalFlipSettings.defaults();
    }

    @Override
    public Augmentation create(HorizontalFlipSettings settings) {
        return new HorizontalFlipAugmentation(settings);
    }
}
