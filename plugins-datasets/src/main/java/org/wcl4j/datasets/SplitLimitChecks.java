package org.wcl4j.datasets;

import java.util.List;

/**
 * The checks of a data set's directory and split limits, which the settings of CIFAR-10, CIFAR-100
 * and Fashion-MNIST share.
 */
final class SplitLimitChecks {

    private SplitLimitChecks() {}

    static void check(List<String> problems, String directory, int trainLimit, int testLimit) {
        if (directory.isBlank()) {
            problems.add("directory: expected the path of a directory, found an empty string");
        }
        if (trainLimit < 0) {
            problems.add(
                    "trainLimit: expected 0 (all) or a positive number of images, found "
                            + trainLimit);
        }
        if (testLimit < 0) {
            problems.add(
                    "testLimit: expected 0 (all) or a positive number of images, found "
                            + testLimit);
        }
    }
}
