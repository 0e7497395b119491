package org.wcl4j.augment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RandomResizedCropSettingsTest {

    @Test
    void defaultsAreTheAgreedValues() {
        RandomResizedCropSettings defaults = RandomResizedCropSettings.defaults();

        assertThat(defaults).isEqualTo(new RandomResizedCropSettings(0.2, 1.0, 0.75, 4.0 / 3.0, 0));
        assertThat(defaults.problems()).isEmpty();
        assertThat(new RandomResizedCropSettings(1, 1, 1, 1, 32).problems()).isEmpty();
    }

    @Test
    void reportsEveryInvalidValueAtOnce() {
        RandomResizedCropSettings settings =
                new RandomResizedCropSettings(0, 1.5, -1, Double.NaN, -3);

        assertThat(settings.problems())
                .containsExactly(
                        "minScale: expected a value in (0, 1], found 0.0",
                        "maxScale: expected a value in [minScale, 1] with minScale = 0.0,"
                                + " found 1.5",
                        "minRatio: expected a finite value > 0, found -1.0",
                        "maxRatio: expected a finite value >= minRatio with minRatio = -1.0,"
                                + " found NaN",
                        "size: expected a value >= 0 (0 keeps the input's size), found -3");
    }

    @Test
    void rejectsBoundsInTheWrongOrder() {
        assertThat(new RandomResizedCropSettings(0.6, 0.5, 2, 1, 0).problems())
                .containsExactly(
                        "maxScale: expected a value in [minScale, 1] with minScale = 0.6,"
                                + " found 0.5",
                        "maxRatio: expected a finite value >= minRatio with minRatio = 2.0,"
                                + " found 1.0");
    }
}
