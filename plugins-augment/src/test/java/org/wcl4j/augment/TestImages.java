package org.wcl4j.augment;

import java.util.Random;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;

/** Images for tests. */
final class TestImages {

    private TestImages() {}

    /** An image of uniform random values in {@code [0, 1)}, fixed by {@code seed}. */
    static Image random(int channels, int height, int width, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[channels * height * width];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        return new Image(pixels, new ImageShape(channels, height, width));
    }

    /** An image with the given values. */
    static Image of(int channels, int height, int width, float... pixels) {
        return new Image(pixels, new ImageShape(channels, height, width));
    }
}
