package org.wcl4j.labellers;

/**
 * Disjoint sets over {@code 0 .. size - 1} with path compression and union by size, so a sequence
 * of {@code m} operations costs {@code O(m α(size))}. Not thread-safe; one instance per labelling.
 */
final class UnionFind {

    private final int[] parent;
    private final int[] setSize;

    /** Starts with every element in a set of its own. */
    UnionFind(int size) {
        parent = new int[size];
        setSize = new int[size];
        for (int i = 0; i < size; i++) {
            parent[i] = i;
            setSize[i] = 1;
        }
    }

    /** The representative of {@code element}'s set; flattens the path it walked. */
    int find(int element) {
        int root = element;
        while (parent[root] != root) {
            root = parent[root];
        }
        // Second pass: point every element on the path straight at the root.
        int current = element;
        while (parent[current] != root) {
            int next = parent[current];
            parent[current] = root;
            current = next;
        }
        return root;
    }

    /** Merges the sets of {@code a} and {@code b}; the larger set's root becomes the root. */
    void union(int a, int b) {
        int rootA = find(a);
        int rootB = find(b);
        if (rootA == rootB) {
            return;
        }
        if (setSize[rootA] < setSize[rootB]) {
            int swap = rootA;
            rootA = rootB;
            rootB = swap;
        }
        parent[rootB] = rootA;
        setSize[rootA] += setSize[rootB];
    }

    /** The representative of every element, indexed by element. */
    int[] roots() {
        int[] roots = new int[parent.length];
        for (int i = 0; i < roots.length; i++) {
            roots[i] = find(i);
        }
        return roots;
    }
}
