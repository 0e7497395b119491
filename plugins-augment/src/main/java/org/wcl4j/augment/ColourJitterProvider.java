package org.wcl4j.augment;

import com.google.auto.service.AutoService;
import org.wcl4j.api.augment.Augmentation;
import org.wcl4j.api.augment.AugmentationProvider;

/** Registers {@link ColourJitterAugmentation} as {@code colour-jitter}. */
@AutoService(AugmentationProvider.class)
@SuppressWarnings("rawtypes") // AutoService cannot name the generic family interface exactly
public final class ColourJitterProvider implements AugmentationProvider<ColourJitterSettings> {

    /** The name configs use. */
    public static final String NAME = "colour-jitter";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "SimCLR's colour jitter of strength s: brightness, contrast, saturation and hue in"
                + " random order, with a given probability";
    }

    @Override
    public ColourJitterSettings defaults() {
        return ColourJitterSettings.defaults();
    }

    @Override
    public Augmentation create(ColourJitterSettings settings) {
        return new ColourJitterAugmentation(settings);
    }
}
