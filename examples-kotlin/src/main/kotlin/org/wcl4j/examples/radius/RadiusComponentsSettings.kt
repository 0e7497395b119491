package org.wcl4j.examples.radius

import org.wcl4j.api.plugin.Settings

/**
 * Settings of the `radius-components` labeller, read from a config's `labeller.settings`.
 *
 * A `@JvmRecord` data class compiles to a Java record, which is what the config binder maps YAML
 * keys onto: `minSimilarity` is the only key. The constructor has no default values on purpose
 * (Kotlin would add a second, no-argument constructor beside the record's canonical one); the
 * default lives in [DEFAULT_MIN_SIMILARITY] and [RadiusComponentsLabellerProvider.defaults].
 *
 * @property minSimilarity two batch members are linked when the cosine similarity of their
 *   embeddings is at least this value (a tie links); in `[-1, 1]`, default
 *   [DEFAULT_MIN_SIMILARITY]. At `-1` every pair is linked (one component); near `1` only
 *   (almost) parallel embeddings are, and most members are components of their own.
 */
@JvmRecord
data class RadiusComponentsSettings(val minSimilarity: Double) : Settings {

    /** The one validation place: `minSimilarity` must be a number in `[-1, 1]`. */
    override fun problems(): List<String> =
        if (minSimilarity.isNaN() || minSimilarity < -1.0 || minSimilarity > 1.0) {
            listOf(
                "minSimilarity: expected a cosine similarity in [-1, 1], found $minSimilarity;" +
                    " lower it to link more pairs, raise it to link fewer"
            )
        } else {
            emptyList()
        }

    companion object {
        /**
         * The default threshold, 0.8: an angle of about 37 degrees between two embeddings. A
         * starting point, not a tuned value; the right one depends on the head's width and on how
         * far training has gone (watch `weak/components` in `metrics.csv`).
         */
        const val DEFAULT_MIN_SIMILARITY: Double = 0.8
    }
}
