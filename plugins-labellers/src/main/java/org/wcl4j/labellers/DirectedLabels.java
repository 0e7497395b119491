package org.wcl4j.labellers;

import java.util.Arrays;
import org.wcl4j.api.label.WeakLabels;

/**
 * Weak labels given as each anchor's own set of positives, with no promise of reciprocity: {@code
 * j} may be a positive of {@code i} while {@code i} is not one of {@code j} (a top-K neighbour
 * relation is directed). {@link #isSymmetric()} says whether a given instance happens to be
 * reciprocal; losses that read these labels must not assume it.
 *
 * <p>Immutable. Membership is a binary search in the anchor's sorted positives.
 */
public final class DirectedLabels implements WeakLabels {

    private final int[][] positives;

    /**
     * @param positives {@code positives[i]} lists the positives of anchor {@code i}: indices in
     *     {@code [0, positives.length)}, without {@code i} itself; any order, duplicates allowed.
     *     Copied and sorted
     * @throws IllegalArgumentException when an index is out of range or an anchor lists itself
     */
    public DirectedLabels(int[][] positives) {
        int n = positives.length;
        this.positives = new int[n][];
        for (int i = 0; i < n; i++) {
            int[] sorted = Arrays.stream(positives[i]).sorted().distinct().toArray();
            for (int j : sorted) {
                if (j < 0 || j >= n || j == i) {
                    throw new IllegalArgumentException(
                            "directed labels: expected positives of anchor "
                                    + i
                                    + " in [0, "
                                    + n
                                    + ") other than "
                                    + i
                                    + ", found "
                                    + j);
                }
            }
            this.positives[i] = sorted;
        }
    }

    /** Labels of a batch of {@code size} members in which no member has a positive. */
    public static DirectedLabels none(int size) {
        return new DirectedLabels(new int[size][0]);
    }

    @Override
    public int size() {
        return positives.length;
    }

    @Override
    public boolean isPositive(int anchor, int candidate) {
        return Arrays.binarySearch(positives[anchor], candidate) >= 0;
    }

    /** The positives of {@code anchor}, in increasing order; a copy. */
    public int[] positives(int anchor) {
        return positives[anchor].clone();
    }

    /**
     * Whether every positive relation here is mutual ({@code isPositive(i, j) == isPositive(j,
     * i)}).
     */
    public boolean isSymmetric() {
        for (int i = 0; i < positives.length; i++) {
            for (int j : positives[i]) {
                if (!isPositive(j, i)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DirectedLabels that && Arrays.deepEquals(positives, that.positives);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(positives);
    }

    @Override
    public String toString() {
        return "DirectedLabels" + Arrays.deepToString(positives);
    }
}
