package org.wcl4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.wcl4j.api.data.Image;

class RandomGreyscaleAugmentationTest {

    private final RandomGreyscaleAugmentation greyscale =
            new RandomGreyscaleAugmentation(RandomGreyscaleSettings.defaults());

    @Test
    void drawBelowTheProbabilitySetsEveryChannelToTheLuma() {
        Image rgb = TestImages.of(3, 1, 2, 1.0f, 0.0f, 0.5f, 0.5f, 0.0f, 1.0f);

        Image grey = greyscale.apply(rgb, new FixedRandom().doubles(0.19));

        // 0.2989 * 1 + 0.587 * 0.5 = 0.5924; 0.587 * 0.5 + 0.114 * 1 = 0.4075.
        assertThat(grey.shape()).isEqualTo(rgb.shape());
        assertThat(grey.pixels())
                .containsExactly(
                        new float[] {0.5924f, 0.4075f, 0.5924f, 0.4075f, 0.5924f, 0.4075f},
                        within(1e-6f));
    }

    @Test
    void drawAtOrAboveTheProbabilityKeepsTheColours() {
        Image rgb = TestImages.random(3, 4, 4, 1);

        assertThat(greyscale.apply(rgb, new FixedRandom().doubles(0.2)).pixels())
                .containsExactly(rgb.pixels());
    }

    @Test
    void greyImagesAreAlreadyGrey() {
        Image grey = TestImages.random(1, 4, 4, 2);

        assertThat(greyscale.apply(grey, new FixedRandom().doubles(0.0)).pixels())
                .containsExactly(grey.pixels());
    }

    @Test
    void otherChannelCountsUseThePlainMean() {
        Image two = TestImages.of(2, 1, 1, 0.2f, 0.6f);

        assertThat(greyscale.apply(two, new FixedRandom().doubles(0.0)).pixels())
                .containsExactly(new float[] {0.4f, 0.4f}, within(1e-6f));
    }
}
