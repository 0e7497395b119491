package org.wcl4j.augment;

import com.google.auto.service.AutoService;
import org.wcl4j.api.augment.CropStrategy;
import org.wcl4j.api.augment.CropStrategyProvider;

/** Registers {@link KnnMultiCropStrategy} as {@code knn-multi-crop}. */
@AutoService(CropStrategyProvider.class)
@SuppressWarnings("rawtypes") // AutoService cannot name the generic family interface exactly
public final class KnnMultiCropStrategyProvider
        implements CropStrategyProvider<KnnMultiCropSettings> {

    /** The name configs use. */
    public static final String NAME = "knn-multi-crop";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "two global views plus M local crops cut from each image's K nearest images of"
                + " the previous epoch";
    }

    @Override
    public KnnMultiCropSettings defaults() {
        return KnnMultiCropSettings.defaults();
    }

    @Override
    public CropStrategy create(KnnMultiCropSettings settings) {
        return new KnnMultiCropStrategy(settings);
    }
}
