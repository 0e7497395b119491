package org.wcl4j.augment;

import org.wcl4j.api.data.ImageShape;

/**
 * In-place colour operations on channels-first pixel arrays, each followed by clipping to {@code
 * [0, 1]}, as torchvision's functional colour adjustments compute them.
 */
final class Colours {

    /** torchvision's weights of red, green and blue in a grey level. */
    static final double[] LUMA = {0.2989, 0.587, 0.114};

    private Colours() {}

    /** {@code x' = clip(factor x)}. */
    static void scale(float[] pixels, double factor) {
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = clip(factor * pixels[i]);
        }
    }

    /** {@code x' = clip(factor x + (1 - factor) m)} with {@code m} the image's mean grey level. */
    static void blendWithMean(float[] pixels, ImageShape shape, double factor) {
        double offset = (1 - factor) * greyMean(pixels, shape);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = clip(factor * pixels[i] + offset);
        }
    }

    /** Mean grey level: luma weights for three channels, equal weights otherwise. */
    static double greyMean(float[] pixels, ImageShape shape) {
        int channels = shape.channels();
        int plane = shape.height() * shape.width();
        double total = 0;
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int i = c * plane; i < (c + 1) * plane; i++) {
                sum += pixels[i];
            }
            total += (channels == 3 ? LUMA[c] : 1.0 / channels) * sum;
        }
        return total / plane;
    }

    /**
     * {@code x' = clip(factor x + (1 - factor) g)} with {@code g} each pixel's grey level; no
     * change for one channel, where a pixel is its own grey level.
     */
    static void blendWithGrey(float[] pixels, ImageShape shape, double factor) {
        if (shape.channels() == 1) {
            return;
        }
        float[] grey = greyLevels(pixels, shape);
        int plane = grey.length;
        for (int c = 0; c < shape.channels(); c++) {
            for (int p = 0; p < plane; p++) {
                int i = c * plane + p;
                pixels[i] = clip(factor * pixels[i] + (1 - factor) * grey[p]);
            }
        }
    }

    /** Every channel of every pixel set to the pixel's grey level; no change for one channel. */
    static void toGrey(float[] pixels, ImageShape shape) {
        if (shape.channels() == 1) {
            return;
        }
        float[] grey = greyLevels(pixels, shape);
        for (int c = 0; c < shape.channels(); c++) {
            System.arraycopy(grey, 0, pixels, c * grey.length, grey.length);
        }
    }

    /** The grey level of each pixel, {@code [height * width]}: luma for RGB, else the mean. */
    static float[] greyLevels(float[] pixels, ImageShape shape) {
        int channels = shape.channels();
        int plane = shape.height() * shape.width();
        float[] grey = new float[plane];
        for (int p = 0; p < plane; p++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                double weight = channels == 3 ? LUMA[c] : 1.0 / channels;
                sum += weight * pixels[c * plane + p];
            }
            grey[p] = clip(sum);
        }
        return grey;
    }

    /**
     * Moves the hue of every pixel by {@code shift} turns through HSV (torchvision's {@code
     * adjust_hue}); only for exactly three channels, no change otherwise.
     */
    static void shiftHue(float[] pixels, ImageShape shape, double shift) {
        if (shape.channels() != 3) {
            return;
        }
        int plane = shape.height() * shape.width();
        for (int p = 0; p < plane; p++) {
            double r = pixels[p];
            double g = pixels[plane + p];
            double b = pixels[2 * plane + p];
            double max = Math.max(r, Math.max(g, b));
            double min = Math.min(r, Math.min(g, b));
            double chroma = max - min;
            if (chroma == 0) {
                continue; // grey: no hue to move
            }
            double hue;
            if (max == r) {
                hue = ((g - b) / chroma) / 6;
            } else if (max == g) {
                hue = (2 + (b - r) / chroma) / 6;
            } else {
                hue = (4 + (r - g) / chroma) / 6;
            }
            hue = hue + shift;
            hue -= Math.floor(hue);
            double saturation = chroma / max;
            double[] rgb = fromHsv(hue, saturation, max);
            pixels[p] = clip(rgb[0]);
            pixels[plane + p] = clip(rgb[1]);
            pixels[2 * plane + p] = clip(rgb[2]);
        }
    }

    /** HSV (all in {@code [0, 1]}, hue in turns) to RGB. */
    private static double[] fromHsv(double hue, double saturation, double value) {
        double sector = hue * 6;
        int i = (int) Math.floor(sector) % 6;
        double f = sector - Math.floor(sector);
        double p = value * (1 - saturation);
        double q = value * (1 - saturation * f);
        double t = value * (1 - saturation * (1 - f));
        return switch (i) {
            case 0 -> new double[] {value, t, p};
            case 1 -> new double[] {q, value, p};
            case 2 -> new double[] {p, value, t};
            case 3 -> new double[] {p, q, value};
            case 4 -> new double[] {t, p, value};
            default -> new double[] {value, p, q};
        };
    }

    static float clip(double value) {
        return (float) Math.min(Math.max(value, 0), 1);
    }
}
