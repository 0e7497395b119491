package org.wcl4j.datasets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses a class-balanced subset of a split that is the same on every machine: the first images of
 * each class in file order, returned in file order.
 *
 * <p>A limit of {@code L} over {@code C} classes gives every class {@code floor(L / C)} images and
 * the {@code L mod C} lowest class ids one more. A class with too few images gives all it has, and
 * the shortfall goes, one image at a time in class order, to the classes that still have some.
 */
final class ClassBalancedSubset {

    private static final Logger LOG = LoggerFactory.getLogger(ClassBalancedSubset.class);

    private ClassBalancedSubset() {}

    /**
     * {@link #indices}, with a warning when the limit asks for more images than the split has, so
     * that a resolved config promising more images than were used does not pass unnoticed.
     *
     * @param what the split and its setting, for the warning (e.g. {@code fashion-mnist testLimit})
     */
    static int[] indices(String what, byte[] labels, int classCount, int limit) {
        if (limit > labels.length) {
            LOG.warn(
                    "{} is {}, above the {} images the split has; using all {}",
                    what,
                    limit,
                    labels.length,
                    labels.length);
        }
        return indices(labels, classCount, limit);
    }

    /**
     * The indices of the subset, ascending.
     *
     * @param labels the class of every image, unsigned, each below {@code classCount}
     * @param limit number of images wanted; 0, or at least {@code labels.length}, means all
     */
    static int[] indices(byte[] labels, int classCount, int limit) {
        int n = labels.length;
        if (limit < 0) {
            throw new IllegalArgumentException(
                    "subset limit: expected 0 (all) or a positive number, found " + limit);
        }
        if (limit == 0 || limit >= n) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }

        // Quota per class: deal the limit out one image at a time, in class order.
        int[] available = new int[classCount];
        for (byte label : labels) {
            available[label & 0xFF]++;
        }
        int[] quota = new int[classCount];
        int remaining = limit;
        while (remaining > 0) {
            for (int c = 0; c < classCount && remaining > 0; c++) {
                if (quota[c] < available[c]) {
                    quota[c]++;
                    remaining--;
                }
            }
        }

        // Take the first quota[c] images of each class c, scanning in file order.
        int[] chosen = new int[limit];
        int[] taken = new int[classCount];
        int next = 0;
        for (int i = 0; i < n && next < limit; i++) {
            int c = labels[i] & 0xFF;
            if (taken[c] < quota[c]) {
                taken[c]++;
                chosen[next++] = i;
            }
        }
        return chosen;
    }
}
