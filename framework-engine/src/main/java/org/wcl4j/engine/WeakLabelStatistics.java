package org.wcl4j.engine;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wcl4j.api.label.ComponentLabels;
import org.wcl4j.api.label.WeakLabels;

/**
 * Diagnostics of weak labels, added view by view over one step:
 *
 * <ul>
 *   <li>{@code weak/components}: the mean number of components per view, components of the
 *       undirected graph whose edges are the positive pairs;
 *   <li>{@code weak/precision}, {@code weak/recall}: of the predicted positive ordered pairs {@code
 *       (i, j)}, {@code i != j}, the share whose members share a class, and of the same-class
 *       ordered pairs the share predicted; counts summed over views (micro averages); only when the
 *       data set's classes are known;
 *   <li>{@code weak/reciprocity}: the share of predicted ordered pairs {@code (i, j)} whose reverse
 *       {@code (j, i)} is predicted too, counts summed over views; 1 for component labels (which
 *       are symmetric) and when nothing is predicted, lower for top-K labels;
 *   <li>{@code weak/size-1}, {@code weak/size-2}, {@code weak/size-3-4}, {@code weak/size-5-8},
 *       {@code weak/size-9-16}, {@code weak/size-17+}: the share of batch members lying in a
 *       component of that many members, averaged over views (each view's shares sum to 1).
 * </ul>
 */
final class WeakLabelStatistics {

    /** Upper bounds (inclusive) of the component-size bins, the last one open. */
    private static final int[] SIZE_BOUNDS = {1, 2, 4, 8, 16, Integer.MAX_VALUE};

    /** The names of the component-size shares, in bin order. */
    static final List<String> SIZE_NAMES =
            List.of(
                    "weak/size-1",
                    "weak/size-2",
                    "weak/size-3-4",
                    "weak/size-5-8",
                    "weak/size-9-16",
                    "weak/size-17+");

    private double components;
    private int views;
    private long predicted;
    private long reciprocated;
    private long truePositives;
    private long actual;
    private boolean classesMissing;
    private final double[] sizeShares = new double[SIZE_BOUNDS.length];

    /**
     * Adds the labels of one view.
     *
     * @param labels weak labels of the view
     * @param classes true class per batch member, or an empty array when unknown
     */
    void add(WeakLabels labels, int[] classes) {
        int n = labels.size();
        int[] component = components(labels);
        int[] members = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (members[component[i]]++ == 0) {
                count++;
            }
        }
        components += count;
        views++;
        for (int i = 0; i < n; i++) {
            sizeShares[bin(members[component[i]])] += 1.0 / n;
        }
        boolean known = classes.length == n;
        classesMissing |= !known;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                boolean positive = labels.isPositive(i, j);
                predicted += positive ? 1 : 0;
                reciprocated += positive && labels.isPositive(j, i) ? 1 : 0;
                if (known) {
                    boolean same = classes[i] == classes[j];
                    actual += same ? 1 : 0;
                    truePositives += positive && same ? 1 : 0;
                }
            }
        }
    }

    /** Mean number of components per view. */
    double meanComponents() {
        return views == 0 ? 0.0 : components / views;
    }

    /**
     * Share of predicted positive pairs of the same class; NaN (undefined, an empty cell in the
     * metrics) when none was predicted, so that "no pair" is not read as "every pair wrong".
     */
    double precision() {
        return predicted == 0 ? Double.NaN : (double) truePositives / predicted;
    }

    /** Share of same-class pairs predicted positive; NaN when the batch has none. */
    double recall() {
        return actual == 0 ? Double.NaN : (double) truePositives / actual;
    }

    /** Share of predicted pairs whose reverse is predicted; NaN when none was predicted. */
    double reciprocity() {
        return predicted == 0 ? Double.NaN : (double) reciprocated / predicted;
    }

    /**
     * The share of batch members in components of each size bin, averaged over views, keyed by
     * {@link #SIZE_NAMES}; zeros before any view.
     */
    Map<String, Double> sizeShares() {
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int b = 0; b < SIZE_BOUNDS.length; b++) {
            shares.put(SIZE_NAMES.get(b), views == 0 ? 0.0 : sizeShares[b] / views);
        }
        return shares;
    }

    /** Whether true classes were given for every view added. */
    boolean hasClasses() {
        return views > 0 && !classesMissing;
    }

    /**
     * The component of each batch member, as the index of a member of that component, in the
     * undirected graph whose edges are the positive pairs (either direction).
     */
    private static int[] components(WeakLabels labels) {
        int n = labels.size();
        int[] parent = new int[n];
        if (labels instanceof ComponentLabels component) {
            // members of one component point at its first member
            int[] first = new int[n];
            Arrays.fill(first, -1);
            for (int i = 0; i < n; i++) {
                int id = component.component(i);
                if (first[id] < 0) {
                    first[id] = i;
                }
                parent[i] = first[id];
            }
            return parent;
        }
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (labels.isPositive(i, j)) {
                    int a = root(parent, i);
                    int b = root(parent, j);
                    if (a != b) {
                        parent[a] = b;
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            parent[i] = root(parent, i);
        }
        return parent;
    }

    private static int bin(int size) {
        int b = 0;
        while (size > SIZE_BOUNDS[b]) {
            b++;
        }
        return b;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
