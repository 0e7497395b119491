package org.wcl4j.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import org.wcl4j.api.data.ImageShape;

/**
 * Loads one split of an IDX data set (MNIST's layout): an image file and a label file in one
 * directory, each under its plain name or with {@code .gz} appended, checked against each other and
 * against the data set's image size and class count.
 *
 * @param dataset the data set's registered name, for messages
 * @param directory where the files are
 * @param shape the shape every image must have, {@code 1 x rows x columns}
 * @param classCount labels must lie in {@code [0, classCount)}
 * @param installHint what to tell a user whose files are missing
 */
record IdxSplitLoader(
        String dataset, Path directory, ImageShape shape, int classCount, String installHint) {

    /**
     * Reads the images and labels of one split and keeps a class-balanced subset of them.
     *
     * @param imagesName file name without {@code .gz}, for example {@code train-images-idx3-ubyte}
     * @param labelsName file name without {@code .gz}
     * @param limit number of images to keep, 0 for all; see {@link ClassBalancedSubset}
     * @throws IllegalArgumentException when a file is missing or malformed, or the two files
     *     disagree
     */
    ByteImageSplit load(String imagesName, String labelsName, int limit) {
        // Read both files, then check them against each other and the data set.
        IdxData images = IdxReader.readImages(find(imagesName));
        IdxData labels = IdxReader.readLabels(find(labelsName));
        if (images.dimension(1) != shape.height() || images.dimension(2) != shape.width()) {
            throw new IllegalArgumentException(
                    images.file()
                            + ": expected "
                            + shape.height()
                            + "x"
                            + shape.width()
                            + " images for "
                            + dataset
                            + ", found "
                            + images.dimension(1)
                            + "x"
                            + images.dimension(2));
        }
        if (images.count() != labels.count()) {
            throw new IllegalArgumentException(
                    dataset
                            + ": expected one label per image, found "
                            + images.count()
                            + " images in "
                            + images.file()
                            + " but "
                            + labels.count()
                            + " labels in "
                            + labels.file());
        }
        byte[] labelValues = labels.values();
        for (int i = 0; i < labelValues.length; i++) {
            int label = labelValues[i] & 0xFF;
            if (label >= classCount) {
                throw new IllegalArgumentException(
                        labels.file()
                                + ": expected labels in [0, "
                                + classCount
                                + "), found "
                                + label
                                + " at index "
                                + i);
            }
        }

        // Keep the subset, copying only when it is smaller than the whole split.
        ByteImageSplit split = new ByteImageSplit(images.values(), labelValues, shape, classCount);
        int[] chosen =
                ClassBalancedSubset.indices(
                        dataset + " limit of " + labels.file().getFileName(),
                        labelValues,
                        classCount,
                        limit);
        return chosen.length == split.size() ? split : split.select(chosen);
    }

    /** The file under its plain name, else with {@code .gz}; fails naming both. */
    private Path find(String name) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(
                    dataset + ": directory " + directory + " does not exist; " + installHint);
        }
        for (String candidate : new String[] {name, name + ".gz"}) {
            Path file = directory.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IllegalArgumentException(
                dataset
                        + ": found neither "
                        + name
                        + " nor "
                        + name
                        + ".gz in directory "
                        + directory
                        + "; "
                        + installHint);
    }
}
