package org.wcl4j.augment;

import java.util.Random;
import org.wcl4j.api.augment.Augmentation;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;

/**
 * A crop of random area and aspect ratio, resized to a fixed size: the "random crop and resize" of
 * SimCLR (Chen et al., ICML 2020, appendix A), as torchvision's {@code RandomResizedCrop} draws it.
 *
 * <p>Up to 10 attempts: draw an area fraction {@code s ~ U[minScale, maxScale]} and a ratio {@code
 * r = exp(U[log minRatio, log maxRatio])}; the crop is {@code sqrt(s H W r)} wide and {@code sqrt(s
 * H W / r)} high. If it fits inside the {@code H x W} image, its top-left corner is drawn uniformly
 * among the positions that keep it inside. If no attempt fits, the crop is the largest centred box
 * whose ratio is the image's own clamped to {@code [minRatio, maxRatio]}. The box keeps continuous
 * coordinates (no rounding to whole pixels) and is resampled with bilinear interpolation, pixel
 * centres at half-integers and edge pixels repeated, to {@code size x size} pixels, or to {@code H
 * x W} when {@code size} is 0. Images may be non-square; all channels share one box.
 *
 * <p>Draws from the generator, in order, per attempt: {@code nextDouble()} for the scale, {@code
 * nextDouble()} for the log-ratio, then, for the attempt that fits, {@code nextDouble()} for the
 * top and {@code nextDouble()} for the left edge.
 */
public final class RandomResizedCropAugmentation implements Augmentation {

    /** Attempts at a crop that fits before the centred fallback, as in torchvision. */
    static final int ATTEMPTS = 10;

    private final RandomResizedCropSettings settings;
    private final double logMinRatio;
    private final double logMaxRatio;

    /**
     * Makes the augmentation.
     *
     * @throws IllegalArgumentException when the settings have problems
     */
    public RandomResizedCropAugmentation(RandomResizedCropSettings settings) {
        SettingsChecks.require(RandomResizedCropProvider.NAME, settings.problems());
        this.settings = settings;
        this.logMinRatio = Math.log(settings.minRatio());
        this.logMaxRatio = Math.log(settings.maxRatio());
    }

    /** The settings this augmentation was made with. */
    public RandomResizedCropSettings settings() {
        return settings;
    }

    @Override
    public Image apply(Image image, Random random) {
        ImageShape shape = image.shape();
        CropBox box = sampleBox(shape.height(), shape.width(), random);
        int outHeight = settings.size() == 0 ? shape.height() : settings.size();
        int outWidth = settings.size() == 0 ? shape.width() : settings.size();
        return BilinearSampler.resample(image, box, outHeight, outWidth);
    }

    /** Draws the crop box for an image of {@code height x width} pixels (see the class notes). */
    CropBox sampleBox(int height, int width, Random random) {
        double imageArea = (double) height * width;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double area = imageArea * uniform(random, settings.minScale(), settings.maxScale());
            double ratio = Math.exp(uniform(random, logMinRatio, logMaxRatio));
            double cropWidth = Math.sqrt(area * ratio);
            double cropHeight = Math.sqrt(area / ratio);
            if (cropWidth <= width && cropHeight <= height) {
                double top = uniform(random, 0, height - cropHeight);
                double left = uniform(random, 0, width - cropWidth);
                return new CropBox(top, left, cropHeight, cropWidth);
            }
        }
        return fallbackBox(height, width);
    }

    /** The centred box used when no attempt fits: the image's ratio clamped to the bounds. */
    CropBox fallbackBox(int height, int width) {
        double imageRatio = (double) width / height;
        double cropHeight = height;
        double cropWidth = width;
        if (imageRatio < settings.minRatio()) {
            cropHeight = width / settings.minRatio();
        } else if (imageRatio > settings.maxRatio()) {
            cropWidth = height * settings.maxRatio();
        }
        return new CropBox(
                (height - cropHeight) / 2, (width - cropWidth) / 2, cropHeight, cropWidth);
    }

    /** A draw from {@code U[low, high)}; exactly {@code low} when the bounds are equal. */
    private static double uniform(Random random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }
}
