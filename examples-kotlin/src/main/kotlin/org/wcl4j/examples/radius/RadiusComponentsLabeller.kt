package org.wcl4j.examples.radius

import org.nd4j.linalg.api.buffer.DataType
import org.nd4j.linalg.api.ndarray.INDArray
import org.nd4j.linalg.ops.transforms.Transforms
import org.wcl4j.api.label.ComponentLabels
import org.wcl4j.api.label.LabelContext
import org.wcl4j.api.label.WeakLabeller

/**
 * A weak labeller written in Kotlin: the connected components of the batch's *radius graph* are
 * the weak labels. Two members `i != j` are linked when the cosine similarity of their embeddings
 * is at least [minSimilarity]; members joined by a path of links share a label.
 *
 * It is a variant of WCL's labeller (Zheng et al., ICCV 2021, Sec. 3.2), which links every member
 * to its one nearest neighbour. Here the number of links per member is not fixed: a member with no
 * neighbour within the radius is a component of its own and has no positives, while a dense
 * region becomes one component however many members it holds.
 *
 * For embeddings `[batch, dim]` it normalises the rows in double precision (a norm is clamped at
 * `1e-12`, so a row of zeros has similarity 0 with everything), forms the `[batch, batch]` cosine
 * similarity matrix with one matrix product and merges, with union-find, every pair whose
 * similarity is `>= minSimilarity`. Equal embeddings have similarity 1 (up to rounding in the last
 * bit, so a threshold of exactly 1 may miss them). The result depends only on the embeddings and
 * the threshold. Stateless and safe to share between threads; memory grows with the square of the
 * batch.
 */
class RadiusComponentsLabeller(val minSimilarity: Double) : WeakLabeller {

    init {
        require(minSimilarity in -1.0..1.0) {
            "radius-components labeller: expected minSimilarity in [-1, 1], found $minSimilarity"
        }
    }

    /**
     * Labels one view by the components of its radius graph.
     *
     * @param embeddings `[batch, dim]` with `batch >= 1`, finite, not necessarily normalised; not
     *   modified
     * @param context not used: this labeller sees only the embeddings
     * @return one component id per batch member, numbered in order of first appearance
     * @throws IllegalArgumentException when the embeddings are not a non-empty matrix or hold NaN
     *   or infinite values
     */
    override fun label(embeddings: INDArray, context: LabelContext): ComponentLabels {
        val similarity = cosineSimilarities(embeddings)
        val n = embeddings.rows()

        // Link every pair within the radius; the components of those links are the weak labels.
        val components = UnionFind(n)
        for (i in 0 until n) {
            for (j in i + 1 until n) {
                if (similarity[i * n + j] >= minSimilarity) {
                    components.union(i, j)
                }
            }
        }
        return ComponentLabels(components.roots())
    }

    /** The `[batch, batch]` cosine similarities of the rows, in double precision, row-major. */
    private fun cosineSimilarities(embeddings: INDArray): DoubleArray {
        require(embeddings.rank() == 2 && embeddings.rows() >= 1) {
            "radius-components labeller: expected embeddings of shape [batch, dim] with batch >= 1," +
                " found shape ${embeddings.shape().contentToString()}; pass one row per batch member"
        }

        // Check every value is finite, reading a row-major copy in one go.
        val rows = embeddings.castTo(DataType.DOUBLE).dup('c')
        val dim = rows.columns()
        val values = rows.data().asDouble()
        val bad = values.indexOfFirst { !it.isFinite() }
        require(bad < 0) {
            "radius-components labeller: expected finite embeddings, found ${values[bad]} at" +
                " [row ${bad / dim}, column ${bad % dim}]; the embeddings upstream have diverged" +
                " (lower the learning rate)"
        }

        // Normalise each row by its L2 norm, then one matrix product of the unit rows with their
        // transpose gives every similarity.
        val norms = Transforms.max(rows.norm2(1), MIN_NORM, false).reshape(rows.rows().toLong(), 1)
        val unit = rows.divColumnVector(norms)
        return unit.mmul(unit.transpose()).dup('c').data().asDouble()
    }

    private companion object {
        const val MIN_NORM = 1e-12
    }
}

/** Disjoint sets over `0 until size`, with path halving and union by size. */
private class UnionFind(size: Int) {
    private val parent = IntArray(size) { it }
    private val setSize = IntArray(size) { 1 }

    fun find(element: Int): Int {
        var current = element
        while (parent[current] != current) {
            parent[current] = parent[parent[current]]
            current = parent[current]
        }
        return current
    }

    fun union(a: Int, b: Int) {
        var rootA = find(a)
        var rootB = find(b)
        if (rootA == rootB) return
        if (setSize[rootA] < setSize[rootB]) rootA = rootB.also { rootB = rootA }
        parent[rootB] = rootA
        setSize[rootA] += setSize[rootB]
    }

    /** The representative of every element, indexed by element. */
    fun roots(): IntArray = IntArray(parent.size) { find(it) }
}
