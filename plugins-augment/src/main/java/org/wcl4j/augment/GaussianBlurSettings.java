package org.wcl4j.augment;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of {@code gaussian-blur}.
 *
 * @param minSigma smallest standard deviation in pixels, {@code > 0}; default 0.1
 * @param maxSigma largest standard deviation, finite, {@code >= minSigma}; default 2.0
 * @param probability chance that a view is blurred, in {@code [0, 1]}; default 0.5 (SimCLR on
 *     ImageNet; the named pipelines leave blur off for small images, as SimCLR on CIFAR-10)
 * @param kernelFraction kernel side as a fraction of the image's smaller side, rounded to the
 *     nearest odd number of at least 3 pixels; in {@code (0, 1]}; default 0.1 (SimCLR)
 */
public record GaussianBlurSettings(
        double minSigma, double maxSigma, double probability, double kernelFraction)
        implements Settings {

    /** The defaults: sigma in [0.1, 2.0], half the views, a kernel a tenth of the image. */
    public static GaussianBlurSettings defaults() {
        return new GaussianBlurSettings(0.1, 2.0, 0.5, 0.1);
    }

    /** A copy with another probability. */
    GaussianBlurSettings withProbability(double newProbability) {
        return new GaussianBlurSettings(minSigma, maxSigma, newProbability, kernelFraction);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!(minSigma > 0 && minSigma < Double.POSITIVE_INFINITY)) {
            problems.add("minSigma: expected a finite value > 0, found " + minSigma);
        }
        if (!(maxSigma >= minSigma && maxSigma > 0 && maxSigma < Double.POSITIVE_INFINITY)) {
            problems.add(
                    "maxSigma: expected a finite value >= minSigma with minSigma = "
                            + minSigma
                            + ", found "
                            + maxSigma);
        }
        SettingsChecks.probability("probability", probability, problems);
        if (!(kernelFraction > 0 && kernelFraction <= 1)) {
            problems.add("kernelFraction: expected a value in (0, 1], found " + kernelFraction);
        }
        return problems;
    }
}
