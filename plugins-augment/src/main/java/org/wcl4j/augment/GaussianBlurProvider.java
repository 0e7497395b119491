package org.wcl4j.augment;

import com.google.auto.service.AutoService;
import org.wcl4j.api.augment.Augmentation;
import org.wcl4j.api.augment.AugmentationProvider;

/** Registers {@link GaussianBlurAugmentation} as {@code gaussian-blur}. */
@AutoService(AugmentationProvider.class)
@SuppressWarnings("rawtypes") // AutoService cannot name the generic family interface exactly
public final class GaussianBlurProvider implements AugmentationProvider<GaussianBlurSettings> {

    /** The name configs use. */
    public static final String NAME = "gaussian-blur";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Gaussian blur with a random sigma and a kernel a tenth of the image, with a given"
                + " probability";
    }

    @Override
    public GaussianBlurSettings defaults() {
        return GaussianBlurSettings.defaults();
    }

    @Override
    public Augmentation create(GaussianBlurSettings settings) {
        return new GaussianBlurAugmentation(settings);
    }
}
