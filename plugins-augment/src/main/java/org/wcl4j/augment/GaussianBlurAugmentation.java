package org.wcl4j.augment;

import java.util.Random;
import org.wcl4j.api.augment.Augmentation;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;

/**
 * A Gaussian blur of random width, applied with a given probability: SimCLR's blur (Chen et al.,
 * ICML 2020, appendix A), as torchvision's {@code GaussianBlur} computes it.
 *
 * <p>The kernel has {@code k} taps per axis, {@code k} the odd number nearest to {@code
 * kernelFraction} times the image's smaller side and at least 3; tap {@code t} (from {@code -r} to
 * {@code r}, {@code r = (k - 1) / 2}) weighs {@code exp(-t^2 / (2 sigma^2))}, normalised to sum 1.
 * The blur is separable (rows, then columns), each channel alone, and the border is mirrored
 * without repeating the edge pixel (reflect padding): {@code -1 -> 1}, {@code size -> size - 2}. A
 * blur never leaves {@code [0, 1]}, since it averages.
 *
 * <p>Draws from the generator, in order: {@code nextDouble()}, and the image is blurred when it is
 * below the probability (otherwise nothing more is drawn); {@code nextDouble()} for {@code sigma ~
 * U[minSigma, maxSigma]}.
 */
public final class GaussianBlurAugmentation implements Augmentation {

    private final GaussianBlurSettings settings;

    /**
     * Makes the augmentation.
     *
     * @throws IllegalArgumentException when the settings have problems
     */
    public GaussianBlurAugmentation(GaussianBlurSettings settings) {
        SettingsChecks.require(GaussianBlurProvider.NAME, settings.problems());
        this.settings = settings;
    }

    /** The settings this augmentation was made with. */
    public GaussianBlurSettings settings() {
        return settings;
    }

    @Override
    public Image apply(Image image, Random random) {
        if (random.nextDouble() >= settings.probability()) {
            return new Image(image.pixels().clone(), image.shape());
        }
        double sigma =
                settings.minSigma()
                        + (settings.maxSigma() - settings.minSigma()) * random.nextDouble();
        ImageShape shape = image.shape();
        double[] kernel = kernel(kernelSize(shape), sigma);
        return new Image(blur(image.pixels(), shape, kernel), shape);
    }

    /** Taps per axis for an image of this shape (see the class notes). */
    int kernelSize(ImageShape shape) {
        double side = settings.kernelFraction() * Math.min(shape.height(), shape.width());
        int size = 2 * (int) Math.round((side - 1) / 2) + 1;
        return Math.max(3, size);
    }

    /** The normalised taps of a Gaussian of {@code sigma} over {@code size} positions. */
    static double[] kernel(int size, double sigma) {
        int radius = (size - 1) / 2;
        double[] taps = new double[size];
        double sum = 0;
        for (int t = -radius; t <= radius; t++) {
            taps[t + radius] = Math.exp(-(double) t * t / (2 * sigma * sigma));
            sum += taps[t + radius];
        }
        for (int i = 0; i < size; i++) {
            taps[i] /= sum;
        }
        return taps;
    }

    /** Rows then columns, reflect padding; a new array. */
    static float[] blur(float[] source, ImageShape shape, double[] kernel) {
        int height = shape.height();
        int width = shape.width();
        int radius = (kernel.length - 1) / 2;
        double[] rows = new double[source.length];
        float[] target = new float[source.length];
        for (int c = 0; c < shape.channels(); c++) {
            int plane = c * height * width;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double sum = 0;
                    for (int t = -radius; t <= radius; t++) {
                        sum +=
                                kernel[t + radius]
                                        * source[plane + y * width + reflect(x + t, width)];
                    }
                    rows[plane + y * width + x] = sum;
                }
            }
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double sum = 0;
                    for (int t = -radius; t <= radius; t++) {
                        sum +=
                                kernel[t + radius]
                                        * rows[plane + reflect(y + t, height) * width + x];
                    }
                    target[plane + y * width + x] = Colours.clip(sum);
                }
            }
        }
        return target;
    }

    /** Mirrors an index into {@code [0, size)} without repeating the edge. */
    static int reflect(int index, int size) {
        if (size == 1) {
            return 0;
        }
        int period = 2 * (size - 1);
        int folded = Math.floorMod(index, period);
        return folded < size ? folded : period - folded;
    }
}
