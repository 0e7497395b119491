package org.wcl4j.api.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * One image, channels first ({@code [channels, height, width]}, row-major), intensities in {@code
 * [0, 1]}. The pixel array belongs to this image: augmentations never modify an image they are
 * given, they return a new one.
 *
 * @param pixels {@code shape.length()} values, index {@code (c * height + y) * width + x}
 * @param shape the image's shape
 */
public record Image(float[] pixels, ImageShape shape) {

    public Image {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(shape, "shape");
        if (pixels.length != shape.length()) {
            throw new IllegalArgumentException(
                    "image: expected "
                            + shape.length()
                            + " pixels for shape "
                            + shape
                            + ", found "
                            + pixels.length);
        }
    }

    /** Two images are equal when their shapes and every pixel are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Image that
                && shape.equals(that.shape)
                && Arrays.equals(pixels, that.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "Image[" + shape + "]";
    }

    /** The value at channel {@code c}, row {@code y}, column {@code x}. */
    public float at(int c, int y, int x) {
        return pixels[(c * shape.height() + y) * shape.width() + x];
    }
}
