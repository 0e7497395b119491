package org.wcl4j.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wcl4j.core.testing.LinearHeadProvider;

class SettingsOverridesTest {

    private final LinearHeadProvider provider = new LinearHeadProvider();

    @Test
    void theCommandLineWinsOverTheConfigWhichWinsOverTheDefault() {
        assertThat(SettingsOverrides.bind(provider, Map.of(), List.of(), "linear").output())
                .isEqualTo(4);
        assertThat(
                        SettingsOverrides.bind(provider, Map.of("output", 6), List.of(), "linear")
                                .output())
                .isEqualTo(6);
        assertThat(
                        SettingsOverrides.bind(
                                        provider,
                                        Map.of("output", 6),
                                        List.of("output=9"),
                                        "linear")
                                .output())
                .isEqualTo(9);
    }

    @Test
    void reportsEveryMalformedOverrideAndUnknownKeyAtOnce() {
        assertThatThrownBy(
                        () ->
                                SettingsOverrides.bind(
                                        provider,
                                        Map.of(),
                                        List.of("output", "outptu=3", "output=ten"),
                                        "linear"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSizeGreaterThan(1))
                .hasMessageContaining("expected KEY=VALUE")
                .hasMessageContaining("outptu");
    }
}
