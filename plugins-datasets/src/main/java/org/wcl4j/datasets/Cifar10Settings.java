package org.wcl4j.datasets;

import java.util.ArrayList;
import java.util.List;
import org.wcl4j.api.plugin.Settings;

/**
 * Settings of the {@code cifar10} data set.
 *
 * @param directory holds {@code data_batch_1.bin} to {@code data_batch_5.bin} and {@code
 *     test_batch.bin}; default {@value #DEFAULT_DIRECTORY}, the folder the official archive unpacks
 *     to, relative to the working directory
 * @param trainLimit training images to keep as a class-balanced subset; default 0, all 50000
 * @param testLimit test images to keep as a class-balanced subset; default 0, all 10000
 */
public record Cifar10Settings(String directory, int trainLimit, int testLimit) implements Settings {

    /** Where the official archive {@code cifar-10-binary.tar.gz} unpacks to. */
    public static final String DEFAULT_DIRECTORY = "cifar-10-batches-bin";

    /** The documented defaults: the unpacked archive's folder and both splits whole. */
    public static Cifar10Settings defaults() {
        return new Cifar10Settings(DEFAULT_DIRECTORY, 0, 0);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        SplitLimitChecks.check(problems, directory, trainLimit, testLimit);
        return problems;
    }
}
