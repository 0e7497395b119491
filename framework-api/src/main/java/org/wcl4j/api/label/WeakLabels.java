package org.wcl4j.api.label;

/**
 * Which members of one batch a weak labeller considers positives of each other. Indices are
 * positions in the batch, {@code 0 <= i < size()}. An image is never its own positive.
 */
public interface WeakLabels {

    /** Batch size these labels describe. */
    int size();

    /**
     * Whether {@code candidate} is a positive of {@code anchor}. Always false when they are equal.
     * Need not be symmetric (top-K labels are not); component labels are.
     */
    boolean isPositive(int anchor, int candidate);

    /** A dense {@code [size][size]} copy of {@link #isPositive}; the caller owns it. */
    default boolean[][] positiveMask() {
        int n = size();
        boolean[][] mask = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                mask[i][j] = isPositive(i, j);
            }
        }
        return mask;
    }
}
