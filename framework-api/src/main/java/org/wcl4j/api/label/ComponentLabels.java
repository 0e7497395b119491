package org.wcl4j.api.label;

import java.util.Arrays;

/**
 * Weak labels given as one component id per batch member: two different members are positives of
 * each other exactly when their ids are equal. Ids are numbered {@code 0, 1, ...} in order of first
 * appearance, so equal partitions have equal arrays.
 */
public final class ComponentLabels implements WeakLabels {

    private final int[] components;
    private final int componentCount;

    /**
     * @param components one id per batch member, any non-negative integers; copied and renumbered
     *     in order of first appearance
     */
    public ComponentLabels(int[] components) {
        this.components = new int[components.length];
        int[] renumber = new int[maxOf(components) + 1];
        Arrays.fill(renumber, -1);
        int next = 0;
        for (int i = 0; i < components.length; i++) {
            int id = components[i];
            if (id < 0) {
                throw new IllegalArgumentException(
                        "component labels: expected non-negative ids, found " + id + " at " + i);
            }
            if (renumber[id] < 0) {
                renumber[id] = next++;
            }
            this.components[i] = renumber[id];
        }
        this.componentCount = next;
    }

    private static int maxOf(int[] values) {
        int max = -1;
        for (int v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    @Override
    public int size() {
        return components.length;
    }

    @Override
    public boolean isPositive(int anchor, int candidate) {
        return anchor != candidate && components[anchor] == components[candidate];
    }

    /** The renumbered component id of batch member {@code index}. */
    public int component(int index) {
        return components[index];
    }

    /** A copy of all renumbered ids. */
    public int[] components() {
        return components.clone();
    }

    /** Number of distinct components. */
    public int componentCount() {
        return componentCount;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ComponentLabels that && Arrays.equals(components, that.components);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(components);
    }

    @Override
    public String toString() {
        return "ComponentLabels" + Arrays.toString(components);
    }
}
