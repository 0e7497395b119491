package org.wcl4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wcl4j.api.data.Image;

class GreyJitterAugmentationTest {

    private static final Image IMAGE = TestImages.of(1, 2, 2, 0.2f, 0.4f, 0.6f, 1.0f);

    private final GreyJitterAugmentation defaults =
            new GreyJitterAugmentation(GreyJitterSettings.defaults());

    @Test
    void brightnessThenContrastAsComputedByHand() {
        // Draws: 0.1 < 0.8 applies; b = 0.6 + 0.8 * 0.25 = 0.8; c = 0.6 + 0.8 * 0.75 = 1.2;
        // brightness first.
        FixedRandom random = new FixedRandom().doubles(0.1, 0.25, 0.75).booleans(true);

        Image jittered = defaults.apply(IMAGE, random);

        // b x = [0.16, 0.32, 0.48, 0.8], mean 0.44; 0.44 + 1.2 (x - 0.44).
        assertThat(jittered.pixels())
                .containsExactly(new float[] {0.104f, 0.296f, 0.488f, 0.872f}, within(1e-6f));
        assertThat(random.exhausted()).isTrue();
    }

    @Test
    void contrastThenBrightnessAsComputedByHandWithClipping() {
        // b = 0.6 + 0.8 * 0.875 = 1.3; c = 0.6 + 0.8 * 0 = 0.6; contrast first.
        FixedRandom random = new FixedRandom().doubles(0.5, 0.875, 0.0).booleans(false);

        Image jittered = defaults.apply(IMAGE, random);

        // Mean 0.55; 0.6 x + 0.4 * 0.55 = [0.34, 0.46, 0.58, 0.82]; times 1.3, the last clipped.
        assertThat(jittered.pixels())
                .containsExactly(new float[] {0.442f, 0.598f, 0.754f, 1.0f}, within(1e-6f));
    }

    @Test
    void contrastOfThreeChannelsBlendsWithTheLumaMean() {
        // Pixel 1 is (R, G, B) = (1, 0.5, 0), pixel 2 is (0, 0.5, 1).
        Image rgb = TestImages.of(3, 1, 2, 1.0f, 0.0f, 0.5f, 0.5f, 0.0f, 1.0f);
        // b = 1; c = 0.6.
        FixedRandom random = new FixedRandom().doubles(0.0, 0.5, 0.0).booleans(true);

        Image jittered = defaults.apply(rgb, random);

        // Luma 0.2989 + 0.2935 = 0.5924 and 0.2935 + 0.114 = 0.4075: mean 0.49995 (a plain
        // channel average would give 0.5); x' = 0.6 x + 0.4 * 0.49995.
        assertThat(jittered.pixels())
                .containsExactly(
                        new float[] {0.79998f, 0.19998f, 0.49998f, 0.49998f, 0.19998f, 0.79998f},
                        within(1e-6f));
    }

    @Test
    void drawAtOrAboveTheProbabilityLeavesTheImageAndDrawsNothingMore() {
        FixedRandom random = new FixedRandom().doubles(0.8);

        Image same = defaults.apply(IMAGE, random);

        assertThat(same.pixels()).containsExactly(IMAGE.pixels());
        assertThat(random.exhausted()).isTrue();
    }

    @Test
    void zeroStrengthsAreTheIdentity() {
        GreyJitterAugmentation none = new GreyJitterAugmentation(new GreyJitterSettings(0, 0, 1));
        Image image = TestImages.random(1, 28, 28, 1);

        for (int seed = 0; seed < 20; seed++) {
            assertThat(none.apply(image, new Random(seed)).pixels())
                    .containsExactly(image.pixels());
        }
    }

    @Test
    void probabilityZeroIsTheIdentity() {
        GreyJitterAugmentation never =
                new GreyJitterAugmentation(new GreyJitterSettings(0.4, 0.4, 0));
        Image image = TestImages.random(1, 28, 28, 2);

        for (int seed = 0; seed < 20; seed++) {
            Image same = never.apply(image, new Random(seed));
            assertThat(same.pixels()).containsExactly(image.pixels());
            assertThat(same.pixels()).isNotSameAs(image.pixels());
        }
    }

    @Test
    void sameSeedGivesIdenticalPixelsAndOtherSeedsDiffer() {
        Image image = TestImages.random(1, 28, 28, 3);
        float[] original = image.pixels().clone();

        // Seed 4 jitters (checked below: its first draw is below 0.8).
        Image first = defaults.apply(image, new Random(4));
        Image again = defaults.apply(image, new Random(4));
        Image other = defaults.apply(image, new Random(5));

        assertThat(again.pixels()).containsExactly(first.pixels());
        assertThat(first.pixels()).isNotEqualTo(image.pixels());
        assertThat(other.pixels()).isNotEqualTo(first.pixels());
        assertThat(image.pixels()).containsExactly(original);
    }

    @Test
    void rejectsNegativeStrengthsAndReportsAllProblems() {
        assertThatThrownBy(() -> new GreyJitterAugmentation(new GreyJitterSettings(-0.1, -1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grey-jitter")
                .hasMessageContaining("brightness: expected a finite value >= 0")
                .hasMessageContaining("found -0.1")
                .hasMessageContaining("contrast: expected a finite value >= 0")
                .hasMessageContaining("probability: expected a probability in [0, 1], found 2.0");
    }
}
