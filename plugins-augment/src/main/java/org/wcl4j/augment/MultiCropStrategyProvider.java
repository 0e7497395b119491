package org.wcl4j.augment;

import com.google.auto.service.AutoService;
import org.wcl4j.api.augment.CropStrategy;
import org.wcl4j.api.augment.CropStrategyProvider;

/** Registers {@link MultiCropStrategy} as {@code multi-crop}. */
@AutoService(CropStrategyProvider.class)
@SuppressWarnings("rawtypes") // AutoService cannot name the generic family interface exactly
public final class MultiCropStrategyProvider implements CropStrategyProvider<MultiCropSettings> {

    /** The name configs use. */
    public static final String NAME = "multi-crop";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "two global views plus M low-resolution local crops of every image";
    }

    @Override
    public MultiCropSettings defaults() {
        return MultiCropSettings.defaults();
    }

    @Override
    public CropStrategy create(MultiCropSettings settings) {
        return new MultiCropStrategy(settings);
    }
}
