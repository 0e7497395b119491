package org.wcl4j.examples.radius

import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test
import org.nd4j.linalg.api.buffer.DataType
import org.nd4j.linalg.api.ndarray.INDArray
import org.nd4j.linalg.factory.Nd4j
import org.wcl4j.api.label.ComponentLabels
import org.wcl4j.api.label.LabelContext
import kotlin.random.Random

/**
 * The radius-components labeller on hand-made batches whose cosine similarities are exact in
 * double precision (rows built from 3-4-5 triangles, so every norm is a whole number and every
 * coordinate of a unit row is a decimal such as 0.6 or 0.8).
 */
class RadiusComponentsLabellerTest {

    private val context = LabelContext(IntArray(0), IntArray(0), 0)

    /*
     * Rows and their unit vectors: a = (1, 0); b = (4, 3) / 5 = (0.8, 0.6); c = (3, 4) / 5 =
     * (0.6, 0.8); d = (0, 2) / 2 = (0, 1); e = (-1, 0).
     * Cosine similarities (dot products of the unit rows):
     *   a.b = 0.8    a.c = 0.6    a.d = 0      a.e = -1
     *   b.c = 0.48 + 0.48 = 0.96  b.d = 0.6    b.e = -0.8
     *   c.d = 0.8    c.e = -0.6   d.e = 0
     */
    private val fan = matrix(
        doubleArrayOf(1.0, 0.0),
        doubleArrayOf(4.0, 3.0),
        doubleArrayOf(3.0, 4.0),
        doubleArrayOf(0.0, 2.0),
        doubleArrayOf(-1.0, 0.0),
    )

    @Test
    fun chainsOfLinksMergeIntoOneComponentAndATieLinks() {
        // At 0.8: a-b (0.8, a tie), b-c (0.96) and c-d (0.8, a tie) are linked, so a, b, c, d form
        // one component although a.d = 0; e is linked to nobody.
        val labels = RadiusComponentsLabeller(0.8).label(fan, context)

        assertThat(labels.components()).containsExactly(0, 0, 0, 0, 1)
        assertThat(labels.isPositive(0, 3)).isTrue()
        assertThat(labels.isPositive(4, 0)).isFalse()
    }

    @Test
    fun aThresholdJustAboveTheTieKeepsOnlyTheCloserPair() {
        // At 0.81 only b-c (0.96) is linked: a, d and e stay alone.
        val labels = RadiusComponentsLabeller(0.81).label(fan, context)

        assertThat(labels.components()).containsExactly(0, 1, 1, 2, 3)
        assertThat(labels.componentCount()).isEqualTo(4)
    }

    @Test
    fun theLowestThresholdLinksOppositeRows() {
        // At -1 every pair is linked, even a.e = -1 (a tie at the bottom of the range).
        val labels = RadiusComponentsLabeller(-1.0).label(fan, context)

        assertThat(labels.components()).containsOnly(0)
        assertThat(labels.isPositive(0, 4)).isTrue()
    }

    @Test
    fun orthogonalRowsLinkAtThresholdZero() {
        // At 0 the ties a.d = 0 and d.e = 0 link, so e joins a..d: one component. At 0.01 e's
        // largest similarity (d.e = 0) is below the threshold, so it stays alone.
        assertThat(RadiusComponentsLabeller(0.0).label(fan, context).components()).containsOnly(0)
        assertThat(RadiusComponentsLabeller(0.01).label(fan, context).components())
            .containsExactly(0, 0, 0, 0, 1)
    }

    @Test
    fun duplicatesShareAComponentEvenAtThresholdOne() {
        // (2, 0) twice and (0, 3) three times: unit rows (1, 0) and (0, 1), so duplicates have
        // similarity exactly 1 and the two groups 0.
        val rows = matrix(
            doubleArrayOf(2.0, 0.0),
            doubleArrayOf(0.0, 3.0),
            doubleArrayOf(2.0, 0.0),
            doubleArrayOf(0.0, 3.0),
            doubleArrayOf(0.0, 3.0),
        )

        val labels = RadiusComponentsLabeller(1.0).label(rows, context)

        assertThat(labels.components()).containsExactly(0, 1, 0, 1, 1)
        assertThat(labels.isPositive(0, 2)).isTrue()
        assertThat(labels.isPositive(1, 4)).isTrue()
        assertThat(labels.isPositive(0, 1)).isFalse()
        assertThat(labels.isPositive(2, 2)).isFalse()
    }

    @Test
    fun singleFloatRowsAreReadInDoublePrecision() {
        // The tie a.b = 0.8 must survive float input: (1, 0) and (4, 3) are exact in float, and
        // the labeller normalises in double, so 4 / 5 = 0.8 compares equal to the threshold 0.8.
        val labels = RadiusComponentsLabeller(0.8).label(fan.castTo(DataType.FLOAT), context)

        assertThat(labels.components()).containsExactly(0, 0, 0, 0, 1)
    }

    @Test
    fun agreesWithAFloodFillOnRandomBatches() {
        // An independent reference: similarities by plain loops, components by breadth-first
        // flood fill over the adjacency matrix, for 20 random batches of 40 rows in 6 dimensions.
        val random = Random(11)
        repeat(20) {
            val rows = Array(40) { DoubleArray(6) { random.nextDouble(-1.0, 1.0) } }
            val threshold = random.nextDouble(-0.2, 0.6)

            val labels = RadiusComponentsLabeller(threshold).label(matrix(*rows), context)

            assertThat(labels).isEqualTo(ComponentLabels(floodFill(rows, threshold)))
        }
    }

    @Test
    fun rejectsNonFiniteEmbeddingsWithTheirPosition() {
        val rows = matrix(doubleArrayOf(1.0, 0.0), doubleArrayOf(Double.NaN, 1.0))

        assertThatThrownBy { RadiusComponentsLabeller(0.5).label(rows, context) }
            .isInstanceOf(IllegalArgumentException::class.java)
            .hasMessageContaining("expected finite embeddings, found NaN at [row 1, column 0]")
    }

    @Test
    fun rejectsEmbeddingsThatAreNotAMatrix() {
        val cube = Nd4j.zeros(DataType.DOUBLE, 2, 3, 4)

        assertThatThrownBy { RadiusComponentsLabeller(0.5).label(cube, context) }
            .isInstanceOf(IllegalArgumentException::class.java)
            .hasMessageContaining("expected embeddings of shape [batch, dim]")
            .hasMessageContaining("found shape [2, 3, 4]")
    }

    @Test
    fun rejectsAThresholdOutsideTheCosineRange() {
        assertThatThrownBy { RadiusComponentsLabeller(1.5) }
            .isInstanceOf(IllegalArgumentException::class.java)
            .hasMessageContaining("expected minSimilarity in [-1, 1], found 1.5")
    }

    private fun matrix(vararg rows: DoubleArray): INDArray =
        Nd4j.createFromArray(arrayOf(*rows))

    private fun floodFill(rows: Array<DoubleArray>, threshold: Double): IntArray {
        val n = rows.size
        val norms = rows.map { row -> kotlin.math.sqrt(row.sumOf { it * it }) }
        fun cosine(i: Int, j: Int) = rows[i].indices.sumOf { rows[i][it] * rows[j][it] } /
            (norms[i] * norms[j])
        val component = IntArray(n) { -1 }
        var next = 0
        for (start in 0 until n) {
            if (component[start] >= 0) continue
            val queue = ArrayDeque(listOf(start))
            component[start] = next
            while (queue.isNotEmpty()) {
                val i = queue.removeFirst()
                for (j in 0 until n) {
                    if (component[j] < 0 && cosine(i, j) >= threshold) {
                        component[j] = next
                        queue.addLast(j)
                    }
                }
            }
            next++
        }
        return component
    }
}
