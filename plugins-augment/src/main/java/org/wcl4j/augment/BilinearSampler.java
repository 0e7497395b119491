package org.wcl4j.augment;

import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;

/**
 * Resamples a crop box of an image onto a regular grid with bilinear interpolation.
 *
 * <p>Pixel centres sit at half-integer coordinates: output pixel {@code o} of an axis with {@code
 * n} outputs samples the input at {@code start + (o + 0.5) * extent / n - 0.5}, clamped to {@code
 * [0, size - 1]} (edge pixels repeat). For the whole image this is {@code
 * torch.nn.functional.interpolate(mode='bilinear', align_corners=False)}; there is no antialiasing,
 * so strong downscaling aliases as it does there.
 */
final class BilinearSampler {

    private BilinearSampler() {}

    /**
     * Samples {@code box} of {@code image} onto {@code outHeight x outWidth} pixels per channel.
     *
     * @param image {@code [channels, height, width]}, not modified
     * @param box the region to sample, in the image's continuous coordinates
     * @return a new image {@code [channels, outHeight, outWidth]}
     */
    static Image resample(Image image, CropBox box, int outHeight, int outWidth) {
        ImageShape in = image.shape();
        Axis rows = Axis.of(box.top(), box.height(), in.height(), outHeight);
        Axis columns = Axis.of(box.left(), box.width(), in.width(), outWidth);
        float[] source = image.pixels();
        float[] target = new float[in.channels() * outHeight * outWidth];
        int out = 0;
        for (int c = 0; c < in.channels(); c++) {
            int plane = c * in.height() * in.width();
            for (int oy = 0; oy < outHeight; oy++) {
                int upper = plane + rows.low[oy] * in.width();
                int lower = plane + rows.high[oy] * in.width();
                double fy = rows.fraction[oy];
                for (int ox = 0; ox < outWidth; ox++) {
                    int x0 = columns.low[ox];
                    int x1 = columns.high[ox];
                    double fx = columns.fraction[ox];
                    // Weights (1 - f, f) rather than a + f (b - a): a zero fraction gives a
                    // exactly.
                    double top = (1 - fx) * source[upper + x0] + fx * source[upper + x1];
                    double bottom = (1 - fx) * source[lower + x0] + fx * source[lower + x1];
                    target[out++] = (float) ((1 - fy) * top + fy * bottom);
                }
            }
        }
        return new Image(target, new ImageShape(in.channels(), outHeight, outWidth));
    }

    /**
     * Per output position along one axis: the two neighbouring inputs and the weight of the second.
     */
    private record Axis(int[] low, int[] high, double[] fraction) {

        static Axis of(double start, double extent, int inSize, int outSize) {
            int[] low = new int[outSize];
            int[] high = new int[outSize];
            double[] fraction = new double[outSize];
            double step = extent / outSize;
            for (int o = 0; o < outSize; o++) {
                double position = start + (o + 0.5) * step - 0.5;
                position = Math.min(Math.max(position, 0), inSize - 1);
                int floor = (int) Math.floor(position);
                low[o] = floor;
                high[o] = Math.min(floor + 1, inSize - 1);
                fraction[o] = position - floor;
            }
            return new Axis(low, high, fraction);
        }
    }
}
