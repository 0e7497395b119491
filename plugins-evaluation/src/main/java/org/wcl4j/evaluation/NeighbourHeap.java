package org.wcl4j.evaluation;

/**
 * Keeps the {@code capacity} most similar of a stream of candidates offered in increasing index
 * order. Among equal similarities the lower index is kept, so the selection is deterministic.
 *
 * <p>A binary heap whose root is the weakest neighbour kept: the lowest similarity and, among equal
 * similarities, the highest index. A new candidate has a higher index than everything kept, so it
 * enters only when strictly more similar than the root, which it then replaces. Reusable through
 * {@link #clear()}; not thread-safe.
 */
final class NeighbourHeap {

    private final float[] similarities;
    private final int[] indices;
    private int size;

    NeighbourHeap(int capacity) {
        similarities = new float[capacity];
        indices = new int[capacity];
    }

    /** Empties the heap for the next query. */
    void clear() {
        size = 0;
    }

    /** Offers candidate {@code index}; indices must increase from one call to the next. */
    void offer(float similarity, int index) {
        if (size < similarities.length) {
            // Not full: append and sift up past stronger parents.
            int child = size++;
            while (child > 0) {
                int parent = (child - 1) >>> 1;
                if (!weaker(similarity, index, similarities[parent], indices[parent])) {
                    break;
                }
                move(parent, child);
                child = parent;
            }
            similarities[child] = similarity;
            indices[child] = index;
        } else if (similarity > similarities[0]) {
            // Full: replace the weakest and sift down past weaker children.
            int parent = 0;
            while (true) {
                int child = 2 * parent + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size
                        && weaker(
                                similarities[child + 1],
                                indices[child + 1],
                                similarities[child],
                                indices[child])) {
                    child++;
                }
                if (!weaker(similarities[child], indices[child], similarity, index)) {
                    break;
                }
                move(child, parent);
                parent = child;
            }
            similarities[parent] = similarity;
            indices[parent] = index;
        }
    }

    /** Whether neighbour a ranks below neighbour b: less similar, or as similar and later. */
    private static boolean weaker(float simA, int indexA, float simB, int indexB) {
        return simA < simB || (simA == simB && indexA > indexB);
    }

    private void move(int from, int to) {
        similarities[to] = similarities[from];
        indices[to] = indices[from];
    }

    /** Number of neighbours kept. */
    int size() {
        return size;
    }

    /** Similarity of the {@code slot}-th neighbour kept, in no particular order. */
    float similarity(int slot) {
        return similarities[slot];
    }

    /** Index of the {@code slot}-th neighbour kept, in no particular order. */
    int index(int slot) {
        return indices[slot];
    }
}
