package org.wcl4j.augment;

import com.google.auto.service.AutoService;
import org.wcl4j.api.augment.Augmentation;
import org.wcl4j.api.augment.AugmentationProvider;

/** Registers {@link GreyJitterAugmentation} as {@code grey-jitter}. */
@AutoService(AugmentationProvider.class)
@SuppressWarnings("rawtypes") // AutoService cannot name the generic family interface exactly
public final class GreyJitterProvider implements AugmentationProvider<GreyJitterSettings> {

    /** The name configs use. */
    public static final String NAME = "grey-jitter";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "random brightness and contrast in random order, with a given probability";
    }

    @Override
    public GreyJitterSettings defaults() {
        return GreyJitterSettings.defaults();
    }

    @Override
    public Augmentation create(GreyJitterSettings settings) {
        return new GreyJitterAugmentation(settings);
    }
}
