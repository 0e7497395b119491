package org.wcl4j.augment;

import com.google.auto.service.AutoService;
import org.wcl4j.api.augment.CropStrategy;
import org.wcl4j.api.augment.CropStrategyProvider;

/** Registers {@link SupportSetCropStrategy} as {@code support-set}. */
@AutoService(CropStrategyProvider.class)
@SuppressWarnings("rawtypes") // AutoService cannot name the generic family interface exactly
public final class SupportSetCropStrategyProvider
        implements CropStrategyProvider<SupportSetSettings> {

    /** The name configs use. */
    public static final String NAME = "support-set";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the two global views of two-views plus S support views per image that only the"
                + " labeller reads (FNCancel's support set)";
    }

    @Override
    public SupportSetSettings defaults() {
        return SupportSetSettings.defaults();
    }

    @Override
    public CropStrategy create(SupportSetSettings settings) {
        return new SupportSetCropStrategy(settings);
    }
}
