package org.wcl4j.augment;

import com.google.auto.service.AutoService;
import org.wcl4j.api.augment.Augmentation;
import org.wcl4j.api.augment.AugmentationProvider;

/**
 * Registers SimCLR's augmentation pipeline as {@code simclr}: one entry of a config's {@code
 * augmentations} that stands for the list in {@link NamedPipelines}.
 */
@AutoService(AugmentationProvider.class)
@SuppressWarnings("rawtypes") // AutoService cannot name the generic family interface exactly
public final class SimclrPipelineProvider implements AugmentationProvider<PipelineSettings> {

    /** The name configs use. */
    public static final String NAME = "simclr";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "SimCLR's pipeline: resized crop (0.08-1), flip, colour jitter s=1 (p 0.8),"
                + " greyscale (p 0.2), blur (off by default)";
    }

    @Override
    public PipelineSettings defaults() {
        return PipelineSettings.simclr();
    }

    @Override
    public Augmentation create(PipelineSettings settings) {
        return NamedPipelines.of(settings);
    }
}
