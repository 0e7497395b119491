package org.wcl4j.losses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossProvider;

class LossProvidersTest {

    @Test
    void ntXentProviderHasItsAgreedNameAndDefaults() {
        NtXentLossProvider provider = new NtXentLossProvider();

        assertThat(provider.name()).isEqualTo("nt-xent");
        assertThat(provider.description()).isNotBlank().doesNotContain("\n");
        assertThat(provider.defaults()).isEqualTo(new NtXentSettings(0.1));
        assertThat(provider.defaults().problems()).isEmpty();
        assertThat(provider.settingsType()).isEqualTo(NtXentSettings.class);
        Loss loss = provider.create(new NtXentSettings(0.5));
        assertThat(loss).isInstanceOf(NtXentLoss.class);
        assertThat(((NtXentLoss) loss).temperature()).isEqualTo(0.5);
        assertThat(loss.needsWeakLabels()).isFalse();
    }

    @Test
    void wclGraphProviderHasItsAgreedNameAndDefaults() {
        WclGraphLossProvider provider = new WclGraphLossProvider();

        assertThat(provider.name()).isEqualTo("wcl-graph");
        assertThat(provider.description()).isNotBlank().doesNotContain("\n");
        assertThat(provider.defaults()).isEqualTo(new WclGraphSettings(0.1));
        assertThat(provider.defaults().problems()).isEmpty();
        assertThat(provider.settingsType()).isEqualTo(WclGraphSettings.class);
        Loss loss = provider.create(new WclGraphSettings(0.07));
        assertThat(loss).isInstanceOf(WclGraphLoss.class);
        assertThat(((WclGraphLoss) loss).temperature()).isEqualTo(0.07);
        assertThat(loss.needsWeakLabels()).isTrue();
    }

    @Test
    void everyProviderIsRegisteredForTheServiceLoader() {
        List<String> names =
                ServiceLoader.load(LossProvider.class).stream()
                        .map(provider -> provider.get().name())
                        .toList();

        assertThat(names)
                .containsExactlyInAnyOrder(
                        "nt-xent",
                        "wcl-graph",
                        "nt-xent-multi-crop",
                        "wcl-graph-multi-crop",
                        "adpclr",
                        "fncancel");
    }

    @Test
    void multiCropProvidersMakeTheirLossesWithTheGivenTemperature() {
        Loss nce = new MultiCropNtXentLossProvider().create(new NtXentSettings(0.3));
        Loss graph = new MultiCropGraphLossProvider().create(new WclGraphSettings(0.4));

        assertThat(((MultiCropNtXentLoss) nce).temperature()).isEqualTo(0.3);
        assertThat(nce.needsWeakLabels()).isFalse();
        assertThat(((MultiCropGraphLoss) graph).temperature()).isEqualTo(0.4);
        assertThat(graph.needsWeakLabels()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.0, 10.5, Double.NaN, Double.POSITIVE_INFINITY})
    void reportsATemperatureOutsideItsRange(double temperature) {
        String expected = "temperature: expected a value in (0, 10], found " + temperature;

        assertThat(new NtXentSettings(temperature).problems()).containsExactly(expected);
        assertThat(new WclGraphSettings(temperature).problems()).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-4, 0.01, 0.5, 10.0})
    void acceptsATemperatureInsideItsRange(double temperature) {
        assertThat(new NtXentSettings(temperature).problems()).isEmpty();
        assertThat(new WclGraphSettings(temperature).problems()).isEmpty();
    }
}
