package org.wcl4j.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcl4j.api.data.Dataset;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.data.ImageShape;

/**
 * CIFAR-10 and CIFAR-100 (Krizhevsky, 2009), the small-image data sets of the WCL paper's Table 2:
 * 32x32 colour images, 50000 for training and 10000 for testing, read from the binary version of
 * the official release (see {@link CifarBinaryReader} for the record format).
 *
 * <ul>
 *   <li>CIFAR-10: {@code data_batch_1.bin} to {@code data_batch_5.bin} (training, read in that
 *       order) and {@code test_batch.bin}; 10 classes.
 *   <li>CIFAR-100: {@code train.bin} and {@code test.bin}; 100 fine classes, or the 20 coarse
 *       super-classes when asked for.
 * </ul>
 *
 * <p>Images are {@code [3, 32, 32]} (red, green, blue planes) with intensities {@code byte / 255}
 * in {@code [0, 1]}. A limit keeps a class-balanced subset that is the same on every machine: the
 * first images of each class in file order (see {@link ClassBalancedSubset}).
 */
public final class CifarDataset implements Dataset {

    /** What to tell a user whose files are missing. */
    static final String DOWNLOAD_HINT =
            "download the binary version from https://www.cs.toronto.edu/~kriz/cifar.html, unpack"
                    + " it and set the dataset's directory setting to the folder holding the .bin"
                    + " files";

    /** Shape of every image. */
    public static final ImageShape SHAPE = CifarBinaryReader.SHAPE;

    private static final Logger LOG = LoggerFactory.getLogger(CifarDataset.class);

    private final String name;
    private final DatasetSplit train;
    private final DatasetSplit test;

    private CifarDataset(String name, DatasetSplit train, DatasetSplit test) {
        this.name = name;
        this.train = train;
        this.test = test;
    }

    /**
     * Reads CIFAR-10 into memory.
     *
     * @param directory holds {@code data_batch_1.bin} to {@code data_batch_5.bin} and {@code
     *     test_batch.bin}
     * @param trainLimit training images to keep, 0 for all
     * @param testLimit test images to keep, 0 for all
     * @throws IllegalArgumentException when a file is missing or malformed (the message names the
     *     file and the problem) or a limit is negative
     */
    public static CifarDataset loadCifar10(Path directory, int trainLimit, int testLimit) {
        CifarBinaryReader.Layout layout =
                new CifarBinaryReader.Layout("cifar10", List.of("class"), List.of(10), 0);
        List<Path> trainFiles = new ArrayList<>();
        for (int batch = 1; batch <= 5; batch++) {
            trainFiles.add(directory.resolve("data_batch_" + batch + ".bin"));
        }
        return load(
                layout,
                directory,
                trainFiles,
                directory.resolve("test_batch.bin"),
                trainLimit,
                testLimit);
    }

    /**
     * Reads CIFAR-100 into memory.
     *
     * @param directory holds {@code train.bin} and {@code test.bin}
     * @param coarse label each image with its coarse class (20) instead of its fine class (100)
     * @param trainLimit training images to keep, 0 for all
     * @param testLimit test images to keep, 0 for all
     * @throws IllegalArgumentException when a file is missing or malformed (the message names the
     *     file and the problem) or a limit is negative
     */
    public static CifarDataset loadCifar100(
            Path directory, boolean coarse, int trainLimit, int testLimit) {
        CifarBinaryReader.Layout layout =
                new CifarBinaryReader.Layout(
                        "cifar100", List.of("coarse", "fine"), List.of(20, 100), coarse ? 0 : 1);
        return load(
                layout,
                directory,
                List.of(directory.resolve("train.bin")),
                directory.resolve("test.bin"),
                trainLimit,
                testLimit);
    }

    private static CifarDataset load(
            CifarBinaryReader.Layout layout,
            Path directory,
            List<Path> trainFiles,
            Path testFile,
            int trainLimit,
            int testLimit) {
        long start = System.nanoTime();
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(
                    layout.dataset()
                            + ": expected a directory of binary files at "
                            + directory
                            + ", found none; "
                            + DOWNLOAD_HINT);
        }
        ByteImageSplit train =
                subset(
                        layout.dataset() + " trainLimit",
                        CifarBinaryReader.read(layout, trainFiles),
                        trainLimit);
        ByteImageSplit test =
                subset(
                        layout.dataset() + " testLimit",
                        CifarBinaryReader.read(layout, List.of(testFile)),
                        testLimit);
        LOG.info(
                "{}: {} train and {} test images, {} classes, from {} in {} ms",
                layout.dataset(),
                train.size(),
                test.size(),
                layout.classCount(),
                directory,
                (System.nanoTime() - start) / 1_000_000);
        return new CifarDataset(layout.dataset(), train, test);
    }

    private static ByteImageSplit subset(String what, ByteImageSplit split, int limit) {
        int[] chosen = ClassBalancedSubset.indices(what, split.labels(), split.classCount(), limit);
        return chosen.length == split.size() ? split : split.select(chosen);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DatasetSplit train() {
        return train;
    }

    @Override
    public DatasetSplit test() {
        return test;
    }
}
