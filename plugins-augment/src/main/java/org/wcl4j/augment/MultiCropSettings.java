package org.wcl4j.augment;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of {@code multi-crop}.
 *
 * @param localCrops local crops {@code M} per image, {@code >= 1}; default 6 (the 2 + 6 of SwAV and
 *     WCL)
 * @param localSize side of a local crop in pixels, {@code >= 0}; 0 (default) means half the smaller
 *     side of the images, rounded up (14 for 28 x 28); at most the smaller side
 * @param localMinScale smallest area of a local crop as a fraction of the image, in {@code (0, 1]};
 *     default 0.05
 * @param localMaxScale largest area fraction, in {@code [localMinScale, 1]}; default 0.14
 */
public record MultiCropSettings(
        int localCrops, int localSize, double localMinScale, double localMaxScale)
        implements Settings {

    /** The defaults: 2 + 6 crops, local crops at half the resolution, areas 5-14%. */
    public static MultiCropSettings defaults() {
        return new MultiCropSettings(6, 0, 0.05, 0.14);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (localCrops < 1) {
            problems.add(
                    "localCrops: expected at least 1 local crop per image, found "
                            + localCrops
                            + " (use two-views for none)");
        }
        if (localSize < 0) {
            problems.add(
                    "localSize: expected a value >= 0 (0 for half the image), found " + localSize);
        }
        if (!(localMinScale > 0 && localMinScale <= 1)) {
            problems.add("localMinScale: expected a value in (0, 1], found " + localMinScale);
        }
        if (!(localMaxScale > 0 && localMaxScale <= 1 && localMaxScale >= localMinScale)) {
            problems.add(
                    "localMaxScale: expected a value in [localMinScale, 1] with localMinScale = "
                            + localMinScale
                            + ", found "
                            + localMaxScale);
        }
        return problems;
    }
}
