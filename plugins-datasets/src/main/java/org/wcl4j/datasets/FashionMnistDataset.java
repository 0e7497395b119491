package org.wcl4j.datasets;

import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcl4j.api.data.Dataset;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.data.ImageShape;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017): 28x28 grey images of clothing in 10 classes,
 * 60000 for training and 10000 for testing, read from the four IDX files of the original release.
 *
 * <p>The files are {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code
 * t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each raw or gzip-compressed, under
 * its plain name or with {@code .gz} appended. Images are {@code [1, 28, 28]} with intensities
 * {@code byte / 255} in {@code [0, 1]}. A limit keeps a class-balanced subset that is the same on
 * every machine: the first images of each class in file order (see {@link ClassBalancedSubset}).
 */
public final class FashionMnistDataset implements Dataset {

    /** Where {@code apt-get install dataset-fashion-mnist} puts the gzip-compressed files. */
    public static final String DEFAULT_DIRECTORY = "/usr/share/datasets/fashion-mnist";

    /** Shape of every image. */
    public static final ImageShape SHAPE = new ImageShape(1, 28, 28);

    /** Class names by label. */
    public static final List<String> CLASS_NAMES =
            List.of(
                    "T-shirt/top",
                    "Trouser",
                    "Pullover",
                    "Dress",
                    "Coat",
                    "Sandal",
                    "Shirt",
                    "Sneaker",
                    "Bag",
                    "Ankle boot");

    private static final Logger LOG = LoggerFactory.getLogger(FashionMnistDataset.class);

    private static final String NAME = "fashion-mnist";

    private final DatasetSplit train;
    private final DatasetSplit test;

    private FashionMnistDataset(DatasetSplit train, DatasetSplit test) {
        this.train = train;
        this.test = test;
    }

    /**
     * Reads both splits into memory.
     *
     * @param directory holds the four files
     * @param trainLimit training images to keep, 0 for all 60000
     * @param testLimit test images to keep, 0 for all 10000
     * @throws IllegalArgumentException when a file is missing or malformed (the message names the
     *     file and the problem) or a limit is negative
     */
    public static FashionMnistDataset load(Path directory, int trainLimit, int testLimit) {
        long start = System.nanoTime();
        IdxSplitLoader loader =
                new IdxSplitLoader(
                        NAME,
                        directory,
                        SHAPE,
                        CLASS_NAMES.size(),
                        "`apt-get install dataset-fashion-mnist` installs the files in "
                                + DEFAULT_DIRECTORY
                                + ", or set the dataset's directory setting to where they are");
        ByteImageSplit train =
                loader.load("train-images-idx3-ubyte", "train-labels-idx1-ubyte", trainLimit);
        ByteImageSplit test =
                loader.load("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", testLimit);
        LOG.info(
                "{}: {} train and {} test images from {} in {} ms",
                NAME,
                train.size(),
                test.size(),
                directory,
                (System.nanoTime() - start) / 1_000_000);
        return new FashionMnistDataset(train, test);
    }

    @Override
    public String name() {
        return NAME;
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
