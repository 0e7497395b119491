package org.wcl4j.examples.radius

import org.wcl4j.api.label.WeakLabeller
import org.wcl4j.api.label.WeakLabellerProvider

/**
 * Registers [RadiusComponentsLabeller] as `radius-components`. A config selects it with
 * `labeller: {name: radius-components, head: phi, settings: {minSimilarity: 0.8}}`.
 *
 * Registered for `ServiceLoader` by the hand-written file
 * `META-INF/services/org.wcl4j.api.label.WeakLabellerProvider` (Java providers use
 * `@AutoService`, which on a Kotlin class would need kapt). Providers are made by `ServiceLoader`,
 * so this class needs a public no-argument constructor.
 */
class RadiusComponentsLabellerProvider : WeakLabellerProvider<RadiusComponentsSettings> {

    override fun name(): String = "radius-components"

    override fun description(): String =
        "Connected components of the graph linking batch members with cosine similarity" +
            " >= minSimilarity (Kotlin example)"

    override fun defaults(): RadiusComponentsSettings =
        RadiusComponentsSettings(RadiusComponentsSettings.DEFAULT_MIN_SIMILARITY)

    override fun create(settings: RadiusComponentsSettings): WeakLabeller =
        RadiusComponentsLabeller(settings.minSimilarity)
}
