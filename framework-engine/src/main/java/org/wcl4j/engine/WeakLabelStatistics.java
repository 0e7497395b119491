package org.wcl4j.engine;

import org.wcl4j.api.label.ComponentLabels;
import org.wcl4j.api.label.WeakLabels;

/**
 * Diagnostics of weak labels: number of components, and precision and recall of the positive pairs
 * against the data set's classes. Counts are summed over views (a micro average).
 */
final class WeakLabelStatistics {

    private double components;
    private int views;
    private long predicted;
    private long truePositives;
    private long actual;
    private boolean classesMissing;

    /**
     * Adds the labels of one view.
     *
     * @param labels weak labels of the view
     * @param classes true class per batch member, or an empty array when unknown
     */
    void add(WeakLabels labels, int[] classes) {
        components += componentCount(labels);
        views++;
        int n = labels.size();
        if (classes.length != n) {
            classesMissing = true;
            return;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                boolean positive = labels.isPositive(i, j);
                boolean same = classes[i] == classes[j];
                predicted += positive ? 1 : 0;
                actual += same ? 1 : 0;
                truePositives += positive && same ? 1 : 0;
            }
        }
    }

    /** Mean number of components per view. */
    double meanComponents() {
        return views == 0 ? 0.0 : components / views;
    }

    /** Share of predicted positive pairs of the same class; 0 when none was predicted. */
    double precision() {
        return predicted == 0 ? 0.0 : (double) truePositives / predicted;
    }

    /** Share of same-class pairs predicted positive; 0 when there are none. */
    double recall() {
        return actual == 0 ? 0.0 : (double) truePositives / actual;
    }

    /** Whether true classes were given for every view added. */
    boolean hasClasses() {
        return views > 0 && !classesMissing;
    }

    /** Components of the undirected graph whose edges are the positive pairs. */
    static int componentCount(WeakLabels labels) {
        if (labels instanceof ComponentLabels component) {
            return component.componentCount();
        }
        int n = labels.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        int count = n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (labels.isPositive(i, j)) {
                    int a = root(parent, i);
                    int b = root(parent, j);
                    if (a != b) {
                        parent[a] = b;
                        count--;
                    }
                }
            }
        }
        return count;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
