package org.wcl4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wcl4j.api.augment.Seeds;
import org.wcl4j.api.data.Image;

class HorizontalFlipAugmentationTest {

    private static final Image IMAGE =
            TestImages.of(
                    2, 2, 3, //
                    0.1f, 0.2f, 0.3f, //
                    0.4f, 0.5f, 0.6f, //
                    0.7f, 0.8f, 0.9f, //
                    1.0f, 0.0f, 0.5f);

    @Test
    void flipReversesTheColumnsOfEveryRowOfEveryChannel() {
        HorizontalFlipAugmentation always =
                new HorizontalFlipAugmentation(new HorizontalFlipSettings(1));

        Image flipped = always.apply(IMAGE, new Random(1));

        assertThat(flipped.shape()).isEqualTo(IMAGE.shape());
        assertThat(flipped.pixels())
                .containsExactly(
                        0.3f, 0.2f, 0.1f, //
                        0.6f, 0.5f, 0.4f, //
                        0.9f, 0.8f, 0.7f, //
                        0.5f, 0.0f, 1.0f);
        assertThat(IMAGE.pixels()[0]).isEqualTo(0.1f);
    }

    @Test
    void probabilityZeroReturnsAnUnchangedCopy() {
        HorizontalFlipAugmentation never =
                new HorizontalFlipAugmentation(new HorizontalFlipSettings(0));

        Image same = never.apply(IMAGE, new Random(2));

        assertThat(same.pixels()).containsExactly(IMAGE.pixels());
        assertThat(same.pixels()).isNotSameAs(IMAGE.pixels());
    }

    @Test
    void flipsWhenTheDrawIsBelowTheProbability() {
        HorizontalFlipAugmentation flip =
                new HorizontalFlipAugmentation(new HorizontalFlipSettings(0.3));

        Image below = flip.apply(IMAGE, new FixedRandom().doubles(0.29));
        Image at = flip.apply(IMAGE, new FixedRandom().doubles(0.3));

        assertThat(below.pixels()[0]).isEqualTo(0.3f);
        assertThat(at.pixels()).containsExactly(IMAGE.pixels());
    }

    @Test
    void sameSeedGivesTheSameChoiceAndSeedsFlipAboutHalfTheTime() {
        HorizontalFlipAugmentation flip =
                new HorizontalFlipAugmentation(HorizontalFlipSettings.defaults());
        int flipped = 0;

        // Scrambled seeds: java.util.Random's first draw barely changes across consecutive seeds.
        for (int seed = 0; seed < 1000; seed++) {
            Image first = flip.apply(IMAGE, new Random(Seeds.mix(seed)));
            Image again = flip.apply(IMAGE, new Random(Seeds.mix(seed)));
            assertThat(again.pixels()).containsExactly(first.pixels());
            if (first.pixels()[0] != IMAGE.pixels()[0]) {
                flipped++;
            }
        }

        // Binomial(1000, 0.5): 440..560 is more than 3.5 standard deviations wide each side.
        assertThat(flipped).isBetween(440, 560);
    }

    @Test
    void rejectsAProbabilityAboveOne() {
        assertThatThrownBy(() -> new HorizontalFlipAugmentation(new HorizontalFlipSettings(1.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("horizontal-flip")
                .hasMessageContaining("probability: expected a probability in [0, 1], found 1.5");
    }
}
