package org.wcl4j.datasets;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of the {@code cifar100} data set.
 *
 * @param directory holds {@code train.bin} and {@code test.bin}; default {@value
 *     #DEFAULT_DIRECTORY}, the folder the official archive unpacks to, relative to the working
 *     directory
 * @param labels {@code fine} for the 100 classes (default, as in the WCL paper) or {@code coarse}
 *     for the 20 super-classes
 * @param trainLimit training images to keep as a class-balanced subset; default 0, all 50000
 * @param testLimit test images to keep as a class-balanced subset; default 0, all 10000
 */
public record Cifar100Settings(String directory, String labels, int trainLimit, int testLimit)
        implements Settings {

    /** Where the official archive {@code cifar-100-binary.tar.gz} unpacks to. */
    public static final String DEFAULT_DIRECTORY = "cifar-100-binary";

    /** The value of {@code labels} that selects the 100 fine classes. */
    public static final String FINE = "fine";

    /** The value of {@code labels} that selects the 20 coarse super-classes. */
    public static final String COARSE = "coarse";

    /** The documented defaults: the unpacked archive's folder, fine labels, both splits whole. */
    public static Cifar100Settings defaults() {
        return new Cifar100Settings(DEFAULT_DIRECTORY, FINE, 0, 0);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        SplitLimitChecks.check(problems, directory, trainLimit, testLimit);
        if (!FINE.equals(labels) && !COARSE.equals(labels)) {
            problems.add("labels: expected one of [fine, coarse], found '" + labels + "'");
        }
        return problems;
    }
}
