package org.wcl4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wcl4j.datasets.IdxFiles.IMAGES_MAGIC;
import static org.wcl4j.datasets.IdxFiles.LABELS_MAGIC;
import static org.wcl4j.datasets.IdxFiles.gzip;
import static org.wcl4j.datasets.IdxFiles.idx;
import static org.wcl4j.datasets.IdxFiles.write;
import static org.wcl4j.datasets.IdxFiles.writeSplit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcl4j.api.data.DatasetProvider;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;

/** Tiny Fashion-MNIST-shaped files written into a temporary directory and read back. */
class FashionMnistDatasetTest {

    private static final int PIXELS = 28 * 28;

    /**
     * 33 training labels in an irregular order. Class counts: 0-3 and 5 have 4, 4 and 6-8 have 3, 9
     * has only 1.
     */
    private static final byte[] TRAIN_LABELS = {
        5, 0, 0, 1, 9, 2, 3, 0, 4, 5, 6, 7, 8, 1, 0, 2, 3, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8,
        1, 2
    };

    private static final byte[] TEST_LABELS = {3, 1, 4, 1, 5, 9, 2, 6};

    @TempDir Path directory;

    /** Pixel {@code k} of image {@code i}; pixel 0 holds the index, so a copy can be traced. */
    private static byte pixel(int image, int k) {
        return (byte) (k == 0 ? image : image * 31 + k * 7);
    }

    private static byte[] pixels(int count) {
        byte[] pixels = new byte[count * PIXELS];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < PIXELS; k++) {
                pixels[i * PIXELS + k] = pixel(i, k);
            }
        }
        // Unsigned extremes at known places: image 1 pixel 1 is 0xFF, pixel 2 is 0x80.
        pixels[PIXELS + 1] = (byte) 0xFF;
        pixels[PIXELS + 2] = (byte) 0x80;
        return pixels;
    }

    private void writeAll(boolean gzipTrain, boolean gzipTest) {
        writeSplit(directory, "train", pixels(TRAIN_LABELS.length), TRAIN_LABELS, gzipTrain);
        writeSplit(directory, "t10k", pixels(TEST_LABELS.length), TEST_LABELS, gzipTest);
    }

    @Test
    void readsGzipAndRawSplitsPixelForPixelAndLabelForLabel() {
        writeAll(true, false);

        FashionMnistDataset dataset = FashionMnistDataset.load(directory, 0, 0);

        assertThat(dataset.name()).isEqualTo("fashion-mnist");
        for (DatasetSplit split : new DatasetSplit[] {dataset.train(), dataset.test()}) {
            assertThat(split.shape()).isEqualTo(new ImageShape(1, 28, 28));
            assertThat(split.classCount()).isEqualTo(10);
        }
        assertThat(dataset.train().size()).isEqualTo(33);
        assertThat(dataset.test().size()).isEqualTo(8);
        byte[] train = pixels(33);
        for (int i = 0; i < 33; i++) {
            assertThat(dataset.train().label(i)).isEqualTo(TRAIN_LABELS[i]);
            float[] values = dataset.train().image(i).pixels();
            for (int k = 0; k < PIXELS; k++) {
                assertThat(values[k]).isEqualTo((train[i * PIXELS + k] & 0xFF) / 255f);
            }
        }
        for (int i = 0; i < 8; i++) {
            assertThat(dataset.test().label(i)).isEqualTo(TEST_LABELS[i]);
        }
        Image image = dataset.test().image(1);
        assertThat(image.at(0, 0, 0)).isEqualTo(1 / 255f);
        assertThat(image.at(0, 0, 1)).isEqualTo(1.0f);
        assertThat(image.at(0, 0, 2)).isEqualTo(128 / 255f);
        assertThat(image.at(0, 27, 27)).isEqualTo(((31 + 783 * 7) & 0xFF) / 255f);
        assertThat(dataset.test().image(0).at(0, 0, 0)).isZero();
    }

    @Test
    void givesACopyOfTheImageEachTime() {
        writeAll(false, false);
        DatasetSplit train = FashionMnistDataset.load(directory, 0, 0).train();

        train.image(1).pixels()[1] = 0.25f;

        assertThat(train.image(1).pixels()[1]).isEqualTo(1.0f);
    }

    @Test
    void keepsTheFirstImagesOfEachClassInFileOrder() {
        writeAll(false, true);

        // 23 over 10 classes: 2 each plus one for classes 0-2; class 9 has only one image, so its
        // missing one goes to class 3. Hand-picked from TRAIN_LABELS.
        DatasetSplit train = FashionMnistDataset.load(directory, 23, 10).train();
        int[] expected = {
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 18, 20, 21, 22, 23, 24
        };

        assertThat(train.size()).isEqualTo(23);
        for (int i = 0; i < expected.length; i++) {
            assertThat(train.label(i)).isEqualTo(TRAIN_LABELS[expected[i]]);
            assertThat(train.image(i).pixels()[0]).isEqualTo(expected[i] / 255f);
            assertThat(train.image(i).pixels()[PIXELS - 1])
                    .isEqualTo((pixel(expected[i], PIXELS - 1) & 0xFF) / 255f);
        }
        int[] perClass = new int[10];
        for (int i = 0; i < train.size(); i++) {
            perClass[train.label(i)]++;
        }
        assertThat(perClass).containsExactly(3, 3, 3, 3, 2, 2, 2, 2, 2, 1);
    }

    @Test
    void keepsOneImagePerClassAtALimitOfTen() {
        writeAll(false, false);

        DatasetSplit train = FashionMnistDataset.load(directory, 10, 0).train();

        int[] firstOfEachClass = {0, 1, 3, 4, 5, 6, 8, 10, 11, 12};
        assertThat(train.size()).isEqualTo(10);
        for (int i = 0; i < 10; i++) {
            assertThat(train.image(i).pixels()[0]).isEqualTo(firstOfEachClass[i] / 255f);
        }
    }

    @Test
    void keepsEverythingWhenTheLimitExceedsTheSplit() {
        writeAll(false, false);

        FashionMnistDataset dataset = FashionMnistDataset.load(directory, 1000, 8);

        assertThat(dataset.train().size()).isEqualTo(33);
        assertThat(dataset.test().size()).isEqualTo(8);
    }

    @Test
    void rejectsAnImageFileWithTheLabelMagicNumber() {
        writeAll(false, false);
        Path images = directory.resolve("train-images-idx3-ubyte");
        write(images, idx(LABELS_MAGIC, new int[] {33}, TRAIN_LABELS));

        assertThatThrownBy(() -> FashionMnistDataset.load(directory, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(images.toString())
                .hasMessageContaining("expected magic number 0x00000803")
                .hasMessageContaining("found 0x00000801");
    }

    @Test
    void rejectsALabelFileWithTheImageMagicNumber() {
        writeAll(false, false);
        Path labels = directory.resolve("t10k-labels-idx1-ubyte");
        write(labels, idx(IMAGES_MAGIC, new int[] {8, 28, 28}, pixels(8)));

        assertThatThrownBy(() -> FashionMnistDataset.load(directory, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(labels.toString())
                .hasMessageContaining("expected magic number 0x00000801")
                .hasMessageContaining("found 0x00000803");
    }

    @Test
    void rejectsImageAndLabelCountsThatDisagree() {
        writeAll(false, false);
        write(
                directory.resolve("t10k-labels-idx1-ubyte"),
                idx(LABELS_MAGIC, new int[] {7}, new byte[7]));

        assertThatThrownBy(() -> FashionMnistDataset.load(directory, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found 8 images in")
                .hasMessageContaining("but 7 labels in")
                .hasMessageContaining("t10k-labels-idx1-ubyte");
    }

    @Test
    void rejectsAPayloadShorterThanTheHeaderSays() {
        writeAll(false, false);
        Path images = directory.resolve("t10k-images-idx3-ubyte");
        byte[] sevenImages = new byte[7 * PIXELS];
        write(images, gzip(idx(IMAGES_MAGIC, new int[] {8, 28, 28}, sevenImages)));

        assertThatThrownBy(() -> FashionMnistDataset.load(directory, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(images.toString())
                .hasMessageContaining(
                        "expected 6272 bytes of values after the header, found only 5488");
    }

    @Test
    void rejectsALabelOutOfRange() {
        byte[] labels = TRAIN_LABELS.clone();
        labels[7] = 10;
        writeSplit(directory, "train", pixels(33), labels, true);
        writeSplit(directory, "t10k", pixels(8), TEST_LABELS, true);

        assertThatThrownBy(() -> FashionMnistDataset.load(directory, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("train-labels-idx1-ubyte.gz")
                .hasMessageContaining("expected labels in [0, 10), found 10 at index 7");
    }

    @Test
    void rejectsImagesOfTheWrongSize() {
        writeAll(false, false);
        write(
                directory.resolve("train-images-idx3-ubyte"),
                idx(IMAGES_MAGIC, new int[] {33, 32, 24}, new byte[33 * 32 * 24]));

        assertThatThrownBy(() -> FashionMnistDataset.load(directory, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 28x28 images for fashion-mnist, found 32x24");
    }

    @Test
    void namesTheDirectoryAndThePackageWhenAFileIsMissing() throws IOException {
        writeAll(true, true);
        Files.delete(directory.resolve("t10k-images-idx3-ubyte.gz"));

        assertThatThrownBy(() -> FashionMnistDataset.load(directory, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "found neither t10k-images-idx3-ubyte nor t10k-images-idx3-ubyte.gz in"
                                + " directory "
                                + directory)
                .hasMessageContaining("apt-get install dataset-fashion-mnist");
    }

    @Test
    void namesTheDirectoryWhenItDoesNotExist() {
        Path absent = directory.resolve("nowhere");

        assertThatThrownBy(() -> FashionMnistDataset.load(absent, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("directory " + absent + " does not exist")
                .hasMessageContaining("apt-get install dataset-fashion-mnist");
    }

    @Test
    void reportsEveryInvalidSetting() {
        assertThat(new FashionMnistSettings(" ", -1, -2).problems())
                .containsExactly(
                        "directory: expected the path of a directory, found an empty string",
                        "trainLimit: expected 0 (all) or a positive number of images, found -1",
                        "testLimit: expected 0 (all) or a positive number of images, found -2");
    }

    @Test
    void isRegisteredAsFashionMnistWithTheAgreedDefaults() {
        writeAll(true, true);
        DatasetProvider<?> provider =
                ServiceLoader.load(DatasetProvider.class).stream()
                        .map(ServiceLoader.Provider::get)
                        .filter(candidate -> candidate.name().equals("fashion-mnist"))
                        .findFirst()
                        .orElseThrow();

        assertThat(provider).isInstanceOf(FashionMnistDatasetProvider.class);
        FashionMnistDatasetProvider found = (FashionMnistDatasetProvider) provider;
        assertThat(found.defaults())
                .isEqualTo(new FashionMnistSettings("/usr/share/datasets/fashion-mnist", 0, 0));
        assertThat(found.defaults().problems()).isEmpty();
        assertThat(
                        found.create(new FashionMnistSettings(directory.toString(), 10, 0))
                                .train()
                                .size())
                .isEqualTo(10);
    }
}
