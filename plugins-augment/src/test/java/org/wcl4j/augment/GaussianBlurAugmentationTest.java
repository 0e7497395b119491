package org.wcl4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;

class GaussianBlurAugmentationTest {

    @Test
    void blurMatchesPyTorchWithReflectPadding() {
        // Printed by src/test/resources/org/wcl4j/augment/gaussian_blur_reference.py (torch 1.13,
        // float64): F.pad(mode='reflect') and conv2d with the outer product of the 5 normalised
        // taps of sigma 0.8, on the image below.
        float[] pixels = new float[30];
        for (int p = 0; p < pixels.length; p++) {
            pixels[p] = ((7 * p) % 11) / 10f;
        }
        float[] expected = {
            0.501241360f, 0.483195357f, 0.478577387f, 0.627648073f, 0.496555151f, 0.333028555f,
            0.559954032f, 0.503319345f, 0.498701374f, 0.584735371f, 0.453642449f, 0.346624862f,
            0.517250079f, 0.502047046f, 0.592526768f, 0.537048109f, 0.412482868f, 0.440450255f,
            0.452941090f, 0.492173693f, 0.584197787f, 0.465682439f, 0.402609515f, 0.478536238f,
            0.490215805f, 0.552959737f, 0.570962174f, 0.446448145f, 0.463924559f, 0.526792943f
        };

        float[] blurred =
                GaussianBlurAugmentation.blur(
                        pixels, new ImageShape(1, 5, 6), GaussianBlurAugmentation.kernel(5, 0.8));

        assertThat(blurred).containsExactly(expected, within(1e-6f));
    }

    @Test
    void drawnSigmaAndKernelSizeGiveTheDocumentedBlur() {
        // kernelFraction 0.5 of a 6-pixel side: 3 -> 3 taps; sigma = 0.5 + (1.5 - 0.5) * 0.25.
        GaussianBlurAugmentation blur =
                new GaussianBlurAugmentation(new GaussianBlurSettings(0.5, 1.5, 0.5, 0.5));
        Image image = TestImages.random(2, 6, 7, 4);
        FixedRandom random = new FixedRandom().doubles(new double[] {0.49, 0.25});

        Image blurred = blur.apply(image, random);

        float[] expected =
                GaussianBlurAugmentation.blur(
                        image.pixels(), image.shape(), GaussianBlurAugmentation.kernel(3, 0.75));
        assertThat(blurred.pixels()).containsExactly(expected);
        assertThat(random.exhausted()).isTrue();
    }

    @Test
    void kernelIsTheNearestOddSizeToTheFractionAndAtLeastThree() {
        GaussianBlurAugmentation tenth =
                new GaussianBlurAugmentation(GaussianBlurSettings.defaults());

        // 0.1 * 224 = 22.4 -> 23 (SimCLR's kernel on ImageNet); 0.1 * 96 = 9.6 -> 9; small -> 3.
        assertThat(tenth.kernelSize(new ImageShape(3, 224, 224))).isEqualTo(23);
        assertThat(tenth.kernelSize(new ImageShape(3, 96, 120))).isEqualTo(9);
        assertThat(tenth.kernelSize(new ImageShape(1, 28, 28))).isEqualTo(3);
    }

    @Test
    void tapsAreNormalisedGaussianWeights() {
        double[] taps = GaussianBlurAugmentation.kernel(3, 1.0);

        // exp(-1/2) = 0.60653; the taps are (e, 1, e) / (1 + 2e).
        double e = Math.exp(-0.5);
        assertThat(taps)
                .containsExactly(
                        new double[] {e / (1 + 2 * e), 1 / (1 + 2 * e), e / (1 + 2 * e)},
                        within(1e-15));
    }

    @Test
    void reflectionMirrorsWithoutRepeatingTheEdge() {
        int[] mirrored = new int[8];
        for (int i = -3; i < 5; i++) {
            mirrored[i + 3] = GaussianBlurAugmentation.reflect(i, 3);
        }

        assertThat(mirrored).containsExactly(1, 2, 1, 0, 1, 2, 1, 0);
    }

    @Test
    void constantImageStaysConstant() {
        float[] flat = new float[4 * 5];
        Arrays.fill(flat, 0.3f);

        float[] blurred =
                GaussianBlurAugmentation.blur(
                        flat, new ImageShape(1, 4, 5), GaussianBlurAugmentation.kernel(3, 2.0));

        for (float value : blurred) {
            assertThat(value).isCloseTo(0.3f, within(1e-6f));
        }
    }

    @Test
    void viewsAboveTheProbabilityComeBackUnchangedAfterOneDraw() {
        Image image = TestImages.random(1, 6, 6, 5);
        FixedRandom random = new FixedRandom().doubles(0.5);

        Image same =
                new GaussianBlurAugmentation(GaussianBlurSettings.defaults()).apply(image, random);

        assertThat(same.pixels()).containsExactly(image.pixels());
        assertThat(random.exhausted()).isTrue();
    }

    @Test
    void reportsEveryInvalidSettingAtOnce() {
        assertThat(new GaussianBlurSettings(0, -1, 2, 0).problems())
                .containsExactly(
                        "minSigma: expected a finite value > 0, found 0.0",
                        "maxSigma: expected a finite value >= minSigma with minSigma = 0.0,"
                                + " found -1.0",
                        "probability: expected a probability in [0, 1], found 2.0",
                        "kernelFraction: expected a value in (0, 1], found 0.0");
        assertThatThrownBy(
                        () ->
                                new GaussianBlurAugmentation(
                                        new GaussianBlurSettings(2, 1, 0.5, 0.1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gaussian-blur");
    }
}
