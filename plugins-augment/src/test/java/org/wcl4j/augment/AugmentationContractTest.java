package org.wcl4j.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcl4j.api.augment.Augmentation;
import org.wcl4j.api.augment.AugmentationProvider;
import org.wcl4j.api.augment.CropStrategyProvider;
import org.wcl4j.api.augment.Seeds;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.plugin.Settings;

/** What every augmentation of this module promises, checked on each registered provider. */
class AugmentationContractTest {

    static List<AugmentationProvider<?>> discovered() {
        return ServiceLoader.load(AugmentationProvider.class).stream()
                .<AugmentationProvider<?>>map(ServiceLoader.Provider::get)
                .toList();
    }

    static Stream<Named<AugmentationProvider<?>>> providers() {
        return discovered().stream().map(provider -> Named.of(provider.name(), provider));
    }

    @Test
    void registersTheAgreedNames() {
        assertThat(discovered())
                .extracting(AugmentationProvider::name)
                .containsExactlyInAnyOrder(
                        "random-resized-crop",
                        "horizontal-flip",
                        "grey-jitter",
                        "colour-jitter",
                        "random-greyscale",
                        "gaussian-blur",
                        "simclr",
                        "moco-v2",
                        "moco-v2-then-simclr");
        assertThat(
                        ServiceLoader.load(CropStrategyProvider.class).stream()
                                .<CropStrategyProvider<?>>map(ServiceLoader.Provider::get)
                                .map(CropStrategyProvider::name))
                .containsExactlyInAnyOrder(
                        "two-views", "multi-crop", "knn-multi-crop", "support-set");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void defaultsAreValidAndDescribed(AugmentationProvider<?> provider) {
        assertThat(provider.defaults().problems()).isEmpty();
        assertThat(provider.description()).isNotBlank();
        assertThat(provider.settingsType()).isEqualTo(provider.defaults().getClass());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void sameSeedGivesIdenticalPixelsAndOtherSeedsDiffer(AugmentationProvider<?> provider) {
        Augmentation augmentation = withDefaults(provider);
        // Three channels, so that greyscale and hue have something to change.
        Image image = TestImages.random(3, 28, 28, 1);

        Image first = augmentation.apply(image, new Random(Seeds.mix(0)));
        Image again = augmentation.apply(image, new Random(Seeds.mix(0)));

        assertThat(again.shape()).isEqualTo(first.shape());
        assertThat(again.pixels()).containsExactly(first.pixels());
        long differing = 0;
        for (int seed = 1; seed <= 10; seed++) {
            Image other = augmentation.apply(image, new Random(Seeds.mix(seed)));
            if (!Arrays.equals(other.pixels(), first.pixels())) {
                differing++;
            }
        }
        assertThat(differing).isGreaterThan(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void neverModifiesTheInputAndKeepsValuesInTheUnitRange(AugmentationProvider<?> provider) {
        Augmentation augmentation = withDefaults(provider);
        Image image = TestImages.random(3, 20, 24, 2);
        float[] original = image.pixels().clone();

        for (int seed = 0; seed < 20; seed++) {
            Image view = augmentation.apply(image, new Random(Seeds.mix(seed)));
            assertThat(view.pixels()).isNotSameAs(image.pixels());
            for (float value : view.pixels()) {
                assertThat(value).isBetween(0f, 1f);
            }
        }
        assertThat(image.pixels()).containsExactly(original);
    }

    private static <S extends Settings> Augmentation withDefaults(
            AugmentationProvider<S> provider) {
        return provider.create(provider.defaults());
    }
}
