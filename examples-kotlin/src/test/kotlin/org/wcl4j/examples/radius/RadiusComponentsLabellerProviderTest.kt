package org.wcl4j.examples.radius

import java.util.ServiceLoader
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test
import org.wcl4j.api.label.WeakLabellerProvider
import org.wcl4j.core.config.ConfigException
import org.wcl4j.core.config.PluginSettings
import org.wcl4j.core.registry.PluginFamily
import org.wcl4j.core.registry.PluginRegistry

/** The provider is found by name and its settings record binds from a config's mapping. */
class RadiusComponentsLabellerProviderTest {

    private val provider = RadiusComponentsLabellerProvider()

    @Test
    fun serviceLoaderFindsTheProviderByName() {
        val names = ServiceLoader.load(WeakLabellerProvider::class.java).map { it.name() }

        assertThat(names).contains("radius-components", "nearest-neighbour")
    }

    @Test
    fun theRegistryMakesTheLabellerFromItsName() {
        val found = PluginRegistry.discover().provider(PluginFamily.LABELLER, "radius-components")

        assertThat(found).isInstanceOf(RadiusComponentsLabellerProvider::class.java)
        assertThat(found.defaults()).isEqualTo(RadiusComponentsSettings(0.8))
    }

    @Test
    fun settingsBindFromYamlKeysOverTheDefaults() {
        val given = PluginSettings.bind(provider, mapOf("minSimilarity" to 0.6), "labeller.settings")
        val defaults = PluginSettings.bind(provider, emptyMap<String, Any>(), "labeller.settings")

        assertThat(given).isEqualTo(RadiusComponentsSettings(0.6))
        assertThat(defaults).isEqualTo(RadiusComponentsSettings(0.8))
        assertThat(PluginSettings.toMap(defaults)).containsExactly(
            org.assertj.core.api.Assertions.entry("minSimilarity", 0.8)
        )
        assertThat((PluginSettings.create(provider, mapOf("minSimilarity" to -1), "s")
            as RadiusComponentsLabeller).minSimilarity).isEqualTo(-1.0)
    }

    @Test
    fun anOutOfRangeOrUnknownSettingIsReportedWithItsPath() {
        assertThatThrownBy {
            PluginSettings.bind(provider, mapOf("minSimilarity" to 1.5), "labeller.settings")
        }
            .isInstanceOf(ConfigException::class.java)
            .hasMessageContaining(
                "labeller.settings.minSimilarity: expected a cosine similarity in [-1, 1], found 1.5"
            )
        assertThatThrownBy {
            PluginSettings.bind(provider, mapOf("radius" to 0.5), "labeller.settings")
        }
            .isInstanceOf(ConfigException::class.java)
            .hasMessageContaining("labeller.settings.radius")
            .hasMessageContaining("minSimilarity")
    }
}
