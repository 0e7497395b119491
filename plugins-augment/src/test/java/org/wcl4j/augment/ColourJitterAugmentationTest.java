package org.wcl4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wcl4j.api.data.Image;

class ColourJitterAugmentationTest {

    private static final Image GREY = TestImages.of(1, 2, 2, 0.2f, 0.4f, 0.6f, 1.0f);

    /** Shuffle draws that keep the order brightness, contrast, saturation, hue. */
    private static final int[] IN_ORDER = {3, 2, 1};

    @Test
    void brightnessThenContrastOnAGreyImageAsComputedByHand() {
        // s = 0.5: factors in [0.6, 1.4]; b = 0.6 + 0.8 * 0.25 = 0.8, c = 0.6 + 0.8 * 0.75 = 1.2.
        ColourJitterAugmentation jitter = jitter(0.5);
        FixedRandom random =
                new FixedRandom().doubles(0.1, 0.25, 0.75, 0.0, 0.0).integers(IN_ORDER);

        Image jittered = jitter.apply(GREY, random);

        // b x = [0.16, 0.32, 0.48, 0.8], mean 0.44; 0.44 + 1.2 (x - 0.44). Saturation and hue
        // leave a grey image alone.
        assertThat(jittered.pixels())
                .containsExactly(new float[] {0.104f, 0.296f, 0.488f, 0.872f}, within(1e-6f));
        assertThat(random.exhausted()).isTrue();
    }

    @Test
    void contrastBeforeBrightnessWhenTheShuffleSwapsThem() {
        // Shuffle: positions 3 and 2 keep hue and saturation, then position 1 takes contrast.
        ColourJitterAugmentation jitter = jitter(0.5);
        FixedRandom random = new FixedRandom().doubles(0.1, 0.25, 0.75, 0.0, 0.0).integers(3, 2, 0);

        Image jittered = jitter.apply(GREY, random);

        // Mean 0.55; 0.55 + 1.2 (x - 0.55) = [0.13, 0.37, 0.61, 1.09 -> 1]; then times 0.8.
        assertThat(jittered.pixels())
                .containsExactly(new float[] {0.104f, 0.296f, 0.488f, 0.8f}, within(1e-6f));
    }

    @Test
    void hueShiftOfAThirdOfATurnTurnsRedIntoGreen() {
        // s = 2.5: b, c, a in [0, 3], so a draw of 1/3 gives 1; hue in [-0.5, 0.5], 5/6 gives 1/3.
        Image rgb = TestImages.of(3, 1, 2, 1.0f, 0.5f, 0.0f, 0.25f, 0.0f, 0.25f);
        FixedRandom random =
                new FixedRandom()
                        .doubles(0.0, 1.0 / 3, 1.0 / 3, 1.0 / 3, 5.0 / 6)
                        .integers(IN_ORDER);

        Image jittered = jitter(2.5).apply(rgb, random);

        // (1, 0, 0) has hue 0 and becomes (0, 1, 0); (0.5, 0.25, 0.25) has hue 0, saturation 0.5
        // and value 0.5 and becomes (0.25, 0.5, 0.25).
        assertThat(jittered.pixels())
                .containsExactly(new float[] {0f, 0.25f, 1f, 0.5f, 0f, 0.25f}, within(1e-5f));
    }

    @Test
    void zeroSaturationGivesEachPixelItsLumaGrey() {
        // b = c = 1, a = 0 (a draw of 0 with s = 2.5), no hue shift (draw 0.5).
        Image rgb = TestImages.of(3, 1, 2, 1.0f, 0.0f, 0.5f, 0.5f, 0.0f, 1.0f);
        FixedRandom random =
                new FixedRandom().doubles(0.0, 1.0 / 3, 1.0 / 3, 0.0, 0.5).integers(IN_ORDER);

        Image jittered = jitter(2.5).apply(rgb, random);

        // Pixel 1 (1, 0.5, 0): 0.2989 + 0.2935 = 0.5924; pixel 2 (0, 0.5, 1): 0.2935 + 0.114.
        float first = 0.5924f;
        float second = 0.4075f;
        assertThat(jittered.pixels())
                .containsExactly(
                        new float[] {first, second, first, second, first, second}, within(1e-5f));
    }

    @Test
    void greyImageIsUnchangedBySaturationAndHueAtTheirExtremes() {
        FixedRandom random =
                new FixedRandom().doubles(0.0, 1.0 / 3, 1.0 / 3, 0.0, 1.0).integers(IN_ORDER);

        Image jittered = jitter(2.5).apply(GREY, random);

        assertThat(jittered.pixels()).containsExactly(GREY.pixels(), within(1e-6f));
    }

    @Test
    void viewsAboveTheProbabilityComeBackUnchangedAfterOneDraw() {
        FixedRandom random = new FixedRandom().doubles(0.8);

        Image same =
                new ColourJitterAugmentation(ColourJitterSettings.defaults()).apply(GREY, random);

        assertThat(same.pixels()).containsExactly(GREY.pixels());
        assertThat(random.exhausted()).isTrue();
    }

    @Test
    void sameSeedGivesIdenticalPixels() {
        Image rgb = TestImages.random(3, 8, 8, 3);
        ColourJitterAugmentation jitter =
                new ColourJitterAugmentation(ColourJitterSettings.defaults());

        assertThat(jitter.apply(rgb, new Random(5)).pixels())
                .containsExactly(jitter.apply(rgb, new Random(5)).pixels());
    }

    @Test
    void rejectsAStrengthBeyondHalfATurnOfHue() {
        assertThat(new ColourJitterSettings(3, 0.8).problems())
                .containsExactly(
                        "strength: expected a value in [0, 2.5] (0 turns it off), found 3.0");
        assertThatThrownBy(() -> new ColourJitterAugmentation(new ColourJitterSettings(1, 1.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("colour-jitter")
                .hasMessageContaining("probability: expected a probability in [0, 1], found 1.5");
    }

    private static ColourJitterAugmentation jitter(double strength) {
        return new ColourJitterAugmentation(new ColourJitterSettings(strength, 0.8));
    }
}
