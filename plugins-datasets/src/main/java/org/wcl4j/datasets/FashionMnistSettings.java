package org.wcl4j.datasets;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of the {@code fashion-mnist} data set.
 *
 * @param directory holds the four IDX files, raw or gzip-compressed; default {@value
 *     FashionMnistDataset#DEFAULT_DIRECTORY}
 * @param trainLimit training images to keep as a class-balanced subset; default 0, all 60000
 * @param testLimit test images to keep as a class-balanced subset; default 0, all 10000
 */
public record FashionMnistSettings(String directory, int trainLimit, int testLimit)
        implements Settings {

    /** The documented defaults: the installed directory and both splits whole. */
    public static FashionMnistSettings defaults() {
        return new FashionMnistSettings(FashionMnistDataset.DEFAULT_DIRECTORY, 0, 0);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        SplitLimitChecks.check(problems, directory, trainLimit, testLimit);
        return problems;
    }
}
