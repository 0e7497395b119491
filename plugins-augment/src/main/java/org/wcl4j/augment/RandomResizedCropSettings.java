package org.wcl4j.augment;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of {@code random-resized-crop}.
 *
 * @param minScale smallest crop area as a fraction of the image area, in {@code (0, 1]}; default
 *     0.2
 * @param maxScale largest crop area fraction, in {@code [minScale, 1]}; default 1.0
 * @param minRatio smallest width-over-height ratio of the crop, {@code > 0}; default 0.75
 * @param maxRatio largest ratio, {@code >= minRatio}; default 4/3
 * @param size the output is {@code size x size} pixels; 0 (the default) keeps the input's height
 *     and width
 */
public record RandomResizedCropSettings(
        double minScale, double maxScale, double minRatio, double maxRatio, int size)
        implements Settings {

    /** The defaults: SimCLR's crop with a smallest scale of 0.2, output at the input's size. */
    public static RandomResizedCropSettings defaults() {
        return new RandomResizedCropSettings(0.2, 1.0, 0.75, 4.0 / 3.0, 0);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!(minScale > 0 && minScale <= 1)) {
            problems.add("minScale: expected a value in (0, 1], found " + minScale);
        }
        if (!(maxScale > 0 && maxScale <= 1 && maxScale >= minScale)) {
            problems.add(
                    "maxScale: expected a value in [minScale, 1] with minScale = "
                            + minScale
                            + ", found "
                            + maxScale);
        }
        if (!(minRatio > 0 && minRatio < Double.POSITIVE_INFINITY)) {
            problems.add("minRatio: expected a finite value > 0, found " + minRatio);
        }
        if (!(maxRatio >= minRatio && maxRatio > 0 && maxRatio < Double.POSITIVE_INFINITY)) {
            problems.add(
                    "maxRatio: expected a finite value >= minRatio with minRatio = "
                            + minRatio
                            + ", found "
                            + maxRatio);
        }
        if (size < 0) {
            problems.add("size: expected a value >= 0 (0 keeps the input's size), found " + size);
        }
        return problems;
    }
}
