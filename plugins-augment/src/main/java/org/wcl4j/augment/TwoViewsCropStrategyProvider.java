package org.wcl4j.augment;

import com.google.auto.service.AutoService;
import org.wcl4j.api.augment.CropStrategy;
import org.wcl4j.api.augment.CropStrategyProvider;
import org.wcl4j.api.plugin.NoSettings;

/** Registers {@link TwoViewsCropStrategy} as {@code two-views}. */
@AutoService(CropStrategyProvider.class)
@SuppressWarnings("rawtypes") // AutoService cannot name the generic family interface exactly
public final class TwoViewsCropStrategyProvider implements CropStrategyProvider<NoSettings> {

    /** The name configs use. */
    public static final String NAME = "two-views";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "two independently augmented global views of every image, no local crops";
    }

    @Override
    public NoSettings defaults() {
        return new NoSettings();
    }

    @Override
    public CropStrategy create(NoSettings settings) {
        return new TwoViewsCropStrategy();
    }
}
