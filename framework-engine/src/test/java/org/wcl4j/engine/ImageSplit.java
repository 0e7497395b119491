package org.wcl4j.engine;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;

/** A split held as pixel rows and labels; also reads the first images of Fashion-MNIST. */
record ImageSplit(float[][] pixels, int[] labels, ImageShape shape, int classCount)
        implements DatasetSplit {

    static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    static boolean fashionMnistInstalled() {
        return Files.isRegularFile(FASHION_MNIST.resolve("t10k-labels-idx1-ubyte.gz"));
    }

    /**
     * Images {@code [from, from + count)} of a Fashion-MNIST split, pixels scaled to [0, 1].
     *
     * @param prefix {@code train} or {@code t10k}
     */
    static ImageSplit fashionMnist(String prefix, int from, int count) {
        byte[] labelBytes = read(prefix + "-labels-idx1-ubyte.gz", 8 + from, count);
        byte[] pixelBytes = read(prefix + "-images-idx3-ubyte.gz", 16 + from * 784L, count * 784);
        float[][] pixels = new float[count][784];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = labelBytes[i] & 0xFF;
            for (int k = 0; k < 784; k++) {
                pixels[i][k] = (pixelBytes[i * 784 + k] & 0xFF) / 255f;
            }
        }
        return new ImageSplit(pixels, labels, new ImageShape(1, 28, 28), 10);
    }

    private static byte[] read(String file, long skip, int length) {
        try (InputStream raw = Files.newInputStream(FASHION_MNIST.resolve(file));
                DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
            in.skipNBytes(skip);
            byte[] values = new byte[length];
            in.readFully(values);
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public Image image(int index) {
        return new Image(pixels[index].clone(), shape);
    }

    @Override
    public int label(int index) {
        return labels[index];
    }
}
