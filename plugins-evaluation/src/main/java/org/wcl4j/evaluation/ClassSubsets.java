package org.wcl4j.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Class-balanced subsets of a split, drawn by a seed: the same labels, count and seed give the same
 * indices on every call and every machine, so runs compared on a subset see the same images.
 */
final class ClassSubsets {

    private ClassSubsets() {}

    /**
     * Draws {@code perClass} indices of every class without replacement, each class shuffled by its
     * own stream of {@code seed}.
     *
     * @param labels the class of every image, in {@code [0, classCount)}
     * @param strict whether a class with fewer images is an error; otherwise all of it is taken
     * @return the indices drawn, in increasing order
     * @throws IllegalArgumentException when {@code strict} and a class has fewer than {@code
     *     perClass} images
     */
    static int[] draw(int[] labels, int classCount, int perClass, long seed, boolean strict) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        SplittableRandom root = new SplittableRandom(seed);
        List<Integer> chosen = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            List<Integer> members = byClass.get(c);
            SplittableRandom random = root.split();
            if (members.isEmpty()) {
                continue;
            }
            if (strict && members.size() < perClass) {
                throw new IllegalArgumentException(
                        "expected at least "
                                + perClass
                                + " images of class "
                                + c
                                + ", found "
                                + members.size()
                                + "; ask for fewer per class or use more of the data set");
            }
            int[] order = members.stream().mapToInt(Integer::intValue).toArray();
            int take = Math.min(perClass, order.length);
            // a partial Fisher-Yates shuffle: the first 'take' slots are a uniform sample
            for (int k = 0; k < take; k++) {
                int j = k + random.nextInt(order.length - k);
                int swap = order[k];
                order[k] = order[j];
                order[j] = swap;
                chosen.add(order[k]);
            }
        }
        int[] indices = chosen.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(indices);
        return indices;
    }
}
