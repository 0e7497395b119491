package org.wcl4j.augment;

import com.google.auto.service.AutoService;
import org.wcl4j.api.augment.Augmentation;
import org.wcl4j.api.augment.AugmentationProvider;

/**
 * Registers {@link AugmentationSchedule} with {@code moco-v2} then {@code simclr} (both with their
 * default settings, blur and size from these settings) as {@code moco-v2-then-simclr}.
 */
@AutoService(AugmentationProvider.class)
@SuppressWarnings("rawtypes") // AutoService cannot name the generic family interface exactly
public final class AugmentationScheduleProvider
        implements AugmentationProvider<AugmentationScheduleSettings> {

    /** The name configs use. */
    public static final String NAME = "moco-v2-then-simclr";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the moco-v2 pipeline for the first weakEpochs epochs, the simclr pipeline after";
    }

    @Override
    public AugmentationScheduleSettings defaults() {
        return AugmentationScheduleSettings.defaults();
    }

    @Override
    public Augmentation create(AugmentationScheduleSettings settings) {
        SettingsChecks.require(NAME, settings.problems());
        PipelineSettings weak = PipelineSettings.mocoV2();
        PipelineSettings strong = PipelineSettings.simclr();
        return new AugmentationSchedule(
                NamedPipelines.of(
                        new PipelineSettings(
                                weak.minScale(),
                                weak.strength(),
                                settings.blurProbability(),
                                settings.size())),
                NamedPipelines.of(
                        new PipelineSettings(
                                strong.minScale(),
                                strong.strength(),
                                settings.blurProbability(),
                                settings.size())),
                settings.weakEpochs());
    }
}
