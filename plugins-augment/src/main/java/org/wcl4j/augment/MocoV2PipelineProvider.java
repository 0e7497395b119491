package org.wcl4j.augment;

import com.google.auto.service.AutoService;
import org.wcl4j.api.augment.Augmentation;
import org.wcl4j.api.augment.AugmentationProvider;

/**
 * Registers MoCo v2's weaker augmentation pipeline as {@code moco-v2}: one entry of a config's
 * {@code augmentations} that stands for the list in {@link NamedPipelines}.
 */
@AutoService(AugmentationProvider.class)
@SuppressWarnings("rawtypes") // AutoService cannot name the generic family interface exactly
public final class MocoV2PipelineProvider implements AugmentationProvider<PipelineSettings> {

    /** The name configs use. */
    public static final String NAME = "moco-v2";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "MoCo v2's pipeline: resized crop (0.2-1), flip, colour jitter s=0.5 (p 0.8),"
                + " greyscale (p 0.2), blur (off by default)";
    }

    @Override
    public PipelineSettings defaults() {
        return PipelineSettings.mocoV2();
    }

    @Override
    public Augmentation create(PipelineSettings settings) {
        return NamedPipelines.of(settings);
    }
}
