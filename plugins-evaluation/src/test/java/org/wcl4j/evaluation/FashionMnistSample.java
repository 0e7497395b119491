package org.wcl4j.evaluation;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.evaluation.FakeData.FixedFeatures;
import org.wcl4j.evaluation.FakeData.LabelOnlySplit;
import org.wcl4j.evaluation.FakeData.TwoSplits;

/**
 * The first images of the installed Fashion-MNIST files ({@code apt-get install
 * dataset-fashion-mnist}), read straight from the gzip IDX files, with their pixels (scaled to [0,
 * 1]) as features: a real, fixed "encoder" whose features carry the images' content.
 */
final class FashionMnistSample {

    static final Path DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

    private FashionMnistSample() {}

    static boolean installed() {
        return Files.isRegularFile(DIRECTORY.resolve("t10k-labels-idx1-ubyte.gz"));
    }

    /** The splits, and their pixels as features. */
    static Toy.Data load(int trainSize, int testSize) {
        int[] trainLabels = labels("train-labels-idx1-ubyte.gz", trainSize);
        int[] testLabels = labels("t10k-labels-idx1-ubyte.gz", testSize);
        LabelOnlySplit train = new LabelOnlySplit(trainLabels, 10);
        LabelOnlySplit test = new LabelOnlySplit(testLabels, 10);
        return new Toy.Data(
                new TwoSplits(train, test),
                new FixedFeatures()
                        .with(train, Nd4j.create(pixels("train-images-idx3-ubyte.gz", trainSize)))
                        .with(test, Nd4j.create(pixels("t10k-images-idx3-ubyte.gz", testSize))));
    }

    private static int[] labels(String file, int count) {
        byte[] bytes = read(file, 8, count);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = bytes[i] & 0xFF;
        }
        return labels;
    }

    private static float[][] pixels(String file, int count) {
        byte[] bytes = read(file, 16, count * 784);
        float[][] rows = new float[count][784];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < 784; k++) {
                rows[i][k] = (bytes[i * 784 + k] & 0xFF) / 255f;
            }
        }
        return rows;
    }

    private static byte[] read(String file, int header, int length) {
        try (InputStream raw = Files.newInputStream(DIRECTORY.resolve(file));
                DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
            in.skipNBytes(header);
            byte[] values = new byte[length];
            in.readFully(values);
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
