package org.wcl4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;

class RandomResizedCropAugmentationTest {

    private static final double TOLERANCE = 1e-9;

    @ParameterizedTest(name = "{0}x{1}, scale [{2}, {3}], ratio [{4}, {5}]")
    @CsvSource({
        "28, 28, 0.2, 1.0, 0.75, 1.3333333333333333, false",
        "20, 36, 0.2, 1.0, 0.75, 1.3333333333333333, false",
        "36, 20, 0.08, 0.5, 0.5, 2.0, false",
        "28, 28, 0.1, 0.6, 1.2, 3.0, false",
        // Extreme ratios and large areas often fail all ten attempts: exercises the fallback.
        "20, 36, 0.8, 1.0, 0.1, 10.0, true",
    })
    void cropBoxesRespectTheScaleAndRatioBoundsAndStayInside(
            int height,
            int width,
            double minScale,
            double maxScale,
            double minRatio,
            double maxRatio,
            boolean fallbackExpected) {
        RandomResizedCropAugmentation crop =
                new RandomResizedCropAugmentation(
                        new RandomResizedCropSettings(minScale, maxScale, minRatio, maxRatio, 0));
        CropBox fallback = crop.fallbackBox(height, width);
        Random random = new Random(42);
        int drawn = 0;
        int fallbacks = 0;
        double smallestScale = 1;
        double largestScale = 0;

        for (int draw = 0; draw < 5000; draw++) {
            CropBox box = crop.sampleBox(height, width, random);

            assertThat(box.top()).isGreaterThanOrEqualTo(0);
            assertThat(box.left()).isGreaterThanOrEqualTo(0);
            assertThat(box.top() + box.height()).isLessThanOrEqualTo(height + TOLERANCE);
            assertThat(box.left() + box.width()).isLessThanOrEqualTo(width + TOLERANCE);
            assertThat(box.ratio()).isBetween(minRatio - TOLERANCE, maxRatio + TOLERANCE);
            if (box.equals(fallback)) {
                fallbacks++;
            } else {
                double scale = box.area() / (height * width);
                assertThat(scale).isBetween(minScale - TOLERANCE, maxScale + TOLERANCE);
                smallestScale = Math.min(smallestScale, scale);
                largestScale = Math.max(largestScale, scale);
                drawn++;
            }
        }

        // Draws spread over the allowed scales rather than sitting at one value.
        assertThat(drawn).isGreaterThan(1000);
        assertThat(smallestScale).isLessThan(minScale + 0.1 * (maxScale - minScale));
        if (height == width) {
            // Large areas fit only when the image's own ratio lies within the bounds.
            assertThat(largestScale).isGreaterThan(maxScale - 0.1 * (maxScale - minScale));
        }
        if (fallbackExpected) {
            assertThat(fallbacks).isGreaterThan(10);
        }
    }

    @Test
    void fallbackIsTheCentredBoxWithTheRatioClampedToTheBounds() {
        // Areas of at least 0.9 of the image never fit at these ratios when the image is 3:1.
        RandomResizedCropAugmentation crop =
                new RandomResizedCropAugmentation(
                        new RandomResizedCropSettings(0.9, 1.0, 0.75, 4.0 / 3.0, 0));

        CropBox tall = crop.sampleBox(30, 10, new Random(1));
        CropBox wide = crop.sampleBox(10, 30, new Random(2));
        CropBox square = crop.fallbackBox(10, 10);

        // Tall image: full width, height = 10 / 0.75; wide: full height, width = 10 * 4 / 3.
        assertBox(tall, 25.0 / 3, 0, 40.0 / 3, 10);
        assertBox(wide, 0, 25.0 / 3, 10, 40.0 / 3);
        assertBox(square, 0, 0, 10, 10);
    }

    @Test
    void failedAttemptsAreRedrawnInTheDocumentedOrder() {
        RandomResizedCropAugmentation crop =
                new RandomResizedCropAugmentation(
                        new RandomResizedCropSettings(0.2, 1.0, 0.5, 2.0, 0));
        // Attempt 1: scale 0.992, ratio exp(log 2 * 0.98) = 1.97: 14 pixels wide, too wide.
        // Attempt 2: scale 0.6, ratio 1: sqrt(60) square; top 0.25 and left 0.75 of the slack.
        FixedRandom random = new FixedRandom().doubles(0.99, 0.99, 0.5, 0.5, 0.25, 0.75);

        CropBox box = crop.sampleBox(10, 10, random);

        double side = Math.sqrt(60);
        assertBox(box, 0.25 * (10 - side), 0.75 * (10 - side), side, side);
        assertThat(random.exhausted()).isTrue();
    }

    @Test
    void fullScaleUnitRatioCropOfASquareImageIsTheInputExactly() {
        Image image = TestImages.random(2, 28, 28, 5);
        RandomResizedCropAugmentation identity =
                new RandomResizedCropAugmentation(new RandomResizedCropSettings(1, 1, 1, 1, 0));
        RandomResizedCropAugmentation identityAtSize =
                new RandomResizedCropAugmentation(new RandomResizedCropSettings(1, 1, 1, 1, 28));

        assertThat(identity.apply(image, new Random(3)).pixels()).containsExactly(image.pixels());
        assertThat(identityAtSize.apply(image, new Random(4)).pixels())
                .containsExactly(image.pixels());
    }

    @Test
    void outputHasTheConfiguredSizeOrTheInputSize() {
        Image wide = TestImages.random(3, 20, 36, 6);
        RandomResizedCropAugmentation fixed =
                new RandomResizedCropAugmentation(
                        new RandomResizedCropSettings(0.2, 1, 0.75, 1.33, 12));
        RandomResizedCropAugmentation same =
                new RandomResizedCropAugmentation(RandomResizedCropSettings.defaults());

        for (int seed = 0; seed < 50; seed++) {
            assertThat(fixed.apply(wide, new Random(seed)).shape())
                    .isEqualTo(new ImageShape(3, 12, 12));
            assertThat(same.apply(wide, new Random(seed)).shape())
                    .isEqualTo(new ImageShape(3, 20, 36));
        }
    }

    @Test
    void outputIsTheBilinearResampleOfTheDrawnBox() {
        Image image = TestImages.random(1, 16, 16, 7);
        RandomResizedCropAugmentation crop =
                new RandomResizedCropAugmentation(
                        new RandomResizedCropSettings(0.2, 1, 0.75, 1.33, 8));

        Image view = crop.apply(image, new Random(8));

        CropBox box = crop.sampleBox(16, 16, new Random(8));
        assertThat(view.pixels())
                .containsExactly(BilinearSampler.resample(image, box, 8, 8).pixels());
    }

    @Test
    void sameSeedGivesIdenticalPixelsAndOtherSeedsDiffer() {
        Image image = TestImages.random(1, 28, 28, 9);
        float[] original = image.pixels().clone();
        RandomResizedCropAugmentation crop =
                new RandomResizedCropAugmentation(RandomResizedCropSettings.defaults());

        Image first = crop.apply(image, new Random(10));
        Image again = crop.apply(image, new Random(10));
        Image other = crop.apply(image, new Random(11));

        assertThat(again.pixels()).containsExactly(first.pixels());
        assertThat(other.pixels()).isNotEqualTo(first.pixels());
        assertThat(image.pixels()).containsExactly(original);
    }

    @Test
    void rejectsInvalidSettingsNamingThePlugin() {
        assertThatThrownBy(
                        () ->
                                new RandomResizedCropAugmentation(
                                        new RandomResizedCropSettings(0.5, 0.4, 0.75, 1.33, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("random-resized-crop")
                .hasMessageContaining("maxScale: expected a value in [minScale, 1]")
                .hasMessageContaining("found 0.4");
    }

    private static void assertBox(
            CropBox box, double top, double left, double height, double width) {
        assertThat(box.top()).isCloseTo(top, within(TOLERANCE));
        assertThat(box.left()).isCloseTo(left, within(TOLERANCE));
        assertThat(box.height()).isCloseTo(height, within(TOLERANCE));
        assertThat(box.width()).isCloseTo(width, within(TOLERANCE));
    }
}
