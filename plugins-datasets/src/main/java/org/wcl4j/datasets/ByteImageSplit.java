package org.wcl4j.datasets;

import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;

/**
 * A split held as unsigned bytes, one byte per pixel and per label, so Fashion-MNIST's 60000
 * training images take 47 MB rather than 188 MB as floats. Pixels convert to {@code [0, 1]} on the
 * way out: byte {@code b} becomes {@code (b & 0xFF) / 255f}, so {@code 0xFF} is exactly 1.
 *
 * <p>Immutable once built and safe to read from several threads.
 */
final class ByteImageSplit implements DatasetSplit {

    private final byte[] pixels;
    private final byte[] labels;
    private final ImageShape shape;
    private final int classCount;

    /**
     * @param pixels {@code labels.length * shape.length()} bytes, image after image, each {@code
     *     [channels, height, width]} row-major; held, not copied
     * @param labels one class per image, unsigned, below {@code classCount}; held, not copied
     */
    ByteImageSplit(byte[] pixels, byte[] labels, ImageShape shape, int classCount) {
        if ((long) labels.length * shape.length() != pixels.length) {
            throw new IllegalArgumentException(
                    "split: expected "
                            + labels.length
                            + " images of "
                            + shape
                            + " = "
                            + (long) labels.length * shape.length()
                            + " pixels, found "
                            + pixels.length);
        }
        this.pixels = pixels;
        this.labels = labels;
        this.shape = shape;
        this.classCount = classCount;
    }

    /**
     * A new split of the images at {@code indices}, in that order, with its own compact copy of
     * their pixels.
     */
    ByteImageSplit select(int[] indices) {
        int length = shape.length();
        byte[] selectedPixels = new byte[indices.length * length];
        byte[] selectedLabels = new byte[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * length, selectedPixels, i * length, length);
            selectedLabels[i] = labels[indices[i]];
        }
        return new ByteImageSplit(selectedPixels, selectedLabels, shape, classCount);
    }

    /** The labels, one unsigned byte per image; not a copy, do not modify. */
    byte[] labels() {
        return labels;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public int classCount() {
        return classCount;
    }

    @Override
    public Image image(int index) {
        int length = shape.length();
        int offset = checked(index) * length;
        float[] values = new float[length];
        for (int k = 0; k < length; k++) {
            values[k] = (pixels[offset + k] & 0xFF) / 255f;
        }
        return new Image(values, shape);
    }

    @Override
    public int label(int index) {
        return labels[checked(index)] & 0xFF;
    }

    private int checked(int index) {
        if (index < 0 || index >= labels.length) {
            throw new IndexOutOfBoundsException(
                    "image index: expected 0 to " + (labels.length - 1) + ", found " + index);
        }
        return index;
    }
}
