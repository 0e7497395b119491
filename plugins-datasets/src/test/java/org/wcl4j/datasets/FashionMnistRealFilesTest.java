package org.wcl4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.data.ImageShape;

/**
 * The installed Fashion-MNIST files ({@code apt-get install dataset-fashion-mnist}); skipped where
 * they are absent. Reference values are read straight from the gzip files with java.util.zip.
 */
class FashionMnistRealFilesTest {

    private static final Path DIRECTORY = Path.of(FashionMnistDataset.DEFAULT_DIRECTORY);

    @Test
    void readsTheInstalledFiles() throws IOException {
        assumeTrue(
                Files.isRegularFile(DIRECTORY.resolve("train-labels-idx1-ubyte.gz")),
                "Fashion-MNIST is not installed in " + DIRECTORY);

        FashionMnistDataset dataset = FashionMnistDataset.load(DIRECTORY, 0, 0);

        DatasetSplit train = dataset.train();
        assertThat(train.size()).isEqualTo(60000);
        assertThat(dataset.test().size()).isEqualTo(10000);
        assertThat(train.shape()).isEqualTo(new ImageShape(1, 28, 28));
        assertThat(train.classCount()).isEqualTo(10);

        // Labels start after an 8-byte header, pixels after a 16-byte one.
        byte[] labelStart = readStart(DIRECTORY.resolve("train-labels-idx1-ubyte.gz"), 8, 1);
        byte[] imageStart = readStart(DIRECTORY.resolve("train-images-idx3-ubyte.gz"), 16, 784);
        assertThat(train.label(0)).isEqualTo(labelStart[0] & 0xFF);
        float[] pixels = train.image(0).pixels();
        for (int k = 0; k < 784; k++) {
            assertThat(pixels[k]).isEqualTo((imageStart[k] & 0xFF) / 255f);
        }
        int[] perClass = new int[10];
        for (int i = 0; i < train.size(); i++) {
            perClass[train.label(i)]++;
        }
        assertThat(perClass).containsOnly(6000);
    }

    @Test
    void keepsABalancedSubsetOfTheInstalledFiles() {
        assumeTrue(
                Files.isRegularFile(DIRECTORY.resolve("t10k-labels-idx1-ubyte.gz")),
                "Fashion-MNIST is not installed in " + DIRECTORY);

        DatasetSplit test = FashionMnistDataset.load(DIRECTORY, 10, 1005).test();

        int[] perClass = new int[10];
        for (int i = 0; i < test.size(); i++) {
            perClass[test.label(i)]++;
        }
        assertThat(perClass).containsExactly(101, 101, 101, 101, 101, 100, 100, 100, 100, 100);
    }

    private static byte[] readStart(Path gzipFile, int skip, int length) throws IOException {
        try (InputStream file = Files.newInputStream(gzipFile);
                DataInputStream in = new DataInputStream(new GZIPInputStream(file))) {
            in.skipNBytes(skip);
            byte[] values = new byte[length];
            in.readFully(values);
            return values;
        }
    }
}
