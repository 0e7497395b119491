package org.wcl4j.augment;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of the named pipelines {@code simclr} and {@code moco-v2} (see {@link NamedPipelines});
 * each has its own defaults.
 *
 * @param minScale smallest crop area of the {@code random-resized-crop}, in {@code (0, 1]}; {@code
 *     simclr} 0.08, {@code moco-v2} 0.2
 * @param strength colour-jitter strength {@code s}, in {@code [0, 2.5]}; {@code simclr} 1.0, {@code
 *     moco-v2} 0.5 (MoCo v2's jitter 0.4, 0.4, 0.4, 0.1)
 * @param blurProbability chance of a Gaussian blur, in {@code [0, 1]}; default 0 for both, since
 *     SimCLR leaves blur out for small images (CIFAR-10 at 32 x 32); set 0.5 for large images
 * @param size output side of the crop in pixels, {@code >= 0}; 0 (default) keeps the input's size
 */
public record PipelineSettings(double minScale, double strength, double blurProbability, int size)
        implements Settings {

    /** The defaults of {@code simclr}. */
    public static PipelineSettings simclr() {
        return new PipelineSettings(0.08, 1.0, 0.0, 0);
    }

    /** The defaults of {@code moco-v2}. */
    public static PipelineSettings mocoV2() {
        return new PipelineSettings(0.2, 0.5, 0.0, 0);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (String problem :
                new RandomResizedCropSettings(minScale, 1.0, 0.75, 4.0 / 3.0, size).problems()) {
            problems.add(problem);
        }
        problems.addAll(new ColourJitterSettings(strength, 0.8).problems());
        SettingsChecks.probability("blurProbability", blurProbability, problems);
        return problems;
    }
}
