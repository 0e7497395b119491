package org.wcl4j.datasets;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;

/**
 * Decodes one image file (PNG, JPEG or anything else {@code javax.imageio} reads) into an {@link
 * Image} of a fixed shape {@code [3, height, width]} with values in {@code [0, 1]}.
 *
 * <p>Colour images are read as sRGB (alpha dropped); grey images are read from their raster and
 * copied into all three channels, so that a grey value {@code v} becomes {@code v / 255} exactly
 * (Java2D's own conversion would treat grey as linear light and brighten it). An image whose size
 * differs from the target is resized bilinearly with pixel centres aligned ({@code x_src = (x +
 * 0.5) * srcWidth / width - 0.5}, clamped to the image), as PIL's and PyTorch's bilinear resizing
 * without anti-aliasing; an image of the target size is copied unchanged.
 */
final class ImageFiles {

    private ImageFiles() {}

    /** Whether a reader recognises the file's contents; reads only its first bytes. */
    static boolean readable(Path file) {
        try (ImageInputStream stream = ImageIO.createImageInputStream(file.toFile())) {
            if (stream == null) {
                return false;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            return readers.hasNext();
        } catch (IOException e) {
            throw new UncheckedIOException("could not open " + file, e);
        }
    }

    /**
     * Decodes and resizes {@code file}.
     *
     * @param shape target shape; must have 3 channels
     * @throws IllegalArgumentException when the file cannot be decoded; the message names it
     */
    static Image read(Path file, ImageShape shape) {
        BufferedImage decoded;
        try {
            decoded = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "image-folder: could not decode the image "
                            + file
                            + " ("
                            + e.getMessage()
                            + "); expected a readable PNG or JPEG file, replace or remove it",
                    e);
        }
        if (decoded == null) {
            throw new IllegalArgumentException(
                    "image-folder: no image reader recognises "
                            + file
                            + "; expected a PNG or JPEG file, replace or remove it");
        }
        float[] source = rgb(decoded);
        return new Image(resize(source, decoded.getHeight(), decoded.getWidth(), shape), shape);
    }

    /** Channels-first RGB values in [0, 255]. */
    private static float[] rgb(BufferedImage image) {
        int height = image.getHeight();
        int width = image.getWidth();
        int plane = height * width;
        float[] values = new float[3 * plane];
        Raster raster = image.getRaster();
        boolean grey =
                image.getColorModel().getColorSpace().getNumComponents() == 1
                        && image.getColorModel().getPixelSize() <= 16
                        && !image.getColorModel().hasAlpha()
                        && raster.getNumBands() == 1
                        && image.getColorModel() instanceof ComponentColorModel;
        if (grey) {
            double scale = 255.0 / ((1 << raster.getSampleModel().getSampleSize(0)) - 1);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    float v = (float) (raster.getSample(x, y, 0) * scale);
                    values[y * width + x] = v;
                    values[plane + y * width + x] = v;
                    values[2 * plane + y * width + x] = v;
                }
            }
            return values;
        }
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < plane; i++) {
            values[i] = (argb[i] >> 16) & 0xFF;
            values[plane + i] = (argb[i] >> 8) & 0xFF;
            values[2 * plane + i] = argb[i] & 0xFF;
        }
        return values;
    }

    /** Bilinear resize of channels-first values in [0, 255] to {@code shape}, scaled to [0, 1]. */
    static float[] resize(float[] source, int sourceHeight, int sourceWidth, ImageShape shape) {
        int height = shape.height();
        int width = shape.width();
        float[] target = new float[shape.length()];
        if (height == sourceHeight && width == sourceWidth) {
            for (int i = 0; i < target.length; i++) {
                target[i] = source[i] / 255f;
            }
            return target;
        }
        int[] x0 = new int[width];
        int[] x1 = new int[width];
        double[] fx = new double[width];
        axis(sourceWidth, width, x0, x1, fx);
        int[] y0 = new int[height];
        int[] y1 = new int[height];
        double[] fy = new double[height];
        axis(sourceHeight, height, y0, y1, fy);
        int sourcePlane = sourceHeight * sourceWidth;
        for (int c = 0; c < shape.channels(); c++) {
            int base = c * sourcePlane;
            for (int y = 0; y < height; y++) {
                int top = base + y0[y] * sourceWidth;
                int bottom = base + y1[y] * sourceWidth;
                for (int x = 0; x < width; x++) {
                    double upper = source[top + x0[x]] * (1 - fx[x]) + source[top + x1[x]] * fx[x];
                    double lower =
                            source[bottom + x0[x]] * (1 - fx[x]) + source[bottom + x1[x]] * fx[x];
                    double value = upper * (1 - fy[y]) + lower * fy[y];
                    target[(c * height + y) * width + x] = (float) (value / 255.0);
                }
            }
        }
        return target;
    }

    /** Neighbours and weights along one axis, pixel centres aligned, clamped to the edges. */
    private static void axis(int sourceSize, int size, int[] low, int[] high, double[] weight) {
        double scale = (double) sourceSize / size;
        for (int i = 0; i < size; i++) {
            double position = Math.max(0.0, (i + 0.5) * scale - 0.5);
            int lower = Math.min((int) Math.floor(position), sourceSize - 1);
            low[i] = lower;
            high[i] = Math.min(lower + 1, sourceSize - 1);
            weight[i] = Math.min(position - lower, 1.0);
        }
    }
}
