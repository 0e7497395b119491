package org.wcl4j.losses;

import org.wcl4j.api.label.WeakLabels;

/**
 * Weak labels written out as a dense mask, for tests: {@code mask[i][j]} says whether {@code j} is
 * a positive of {@code i}. May be asymmetric, as top-K and support-set labels are. The diagonal is
 * returned as given, so a test can also pose a labeller that breaks the contract.
 */
record DirectedTestLabels(boolean[][] mask) implements WeakLabels {

    /** From each anchor's list of positives. */
    static DirectedTestLabels of(int[][] positives) {
        boolean[][] mask = new boolean[positives.length][positives.length];
        for (int i = 0; i < positives.length; i++) {
            for (int j : positives[i]) {
                mask[i][j] = true;
            }
        }
        return new DirectedTestLabels(mask);
    }

    /** From a matrix of 0 and 1, as the PyTorch reference prints it. */
    static DirectedTestLabels ofMatrix(double[][] zeroOne) {
        boolean[][] mask = new boolean[zeroOne.length][];
        for (int i = 0; i < zeroOne.length; i++) {
            mask[i] = new boolean[zeroOne[i].length];
            for (int j = 0; j < zeroOne[i].length; j++) {
                mask[i][j] = zeroOne[i][j] != 0;
            }
        }
        return new DirectedTestLabels(mask);
    }

    /** No member has a positive. */
    static DirectedTestLabels none(int n) {
        return new DirectedTestLabels(new boolean[n][n]);
    }

    @Override
    public int size() {
        return mask.length;
    }

    @Override
    public boolean isPositive(int anchor, int candidate) {
        return mask[anchor][candidate];
    }
}
